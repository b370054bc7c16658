package vn.ntm.testing.architecture.bad.parcel.web;

public class Controller {
    public static String answer() {
        return "ok";
    }
}
