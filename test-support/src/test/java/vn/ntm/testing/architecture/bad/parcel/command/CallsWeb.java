package vn.ntm.testing.architecture.bad.parcel.command;

import vn.ntm.testing.architecture.bad.parcel.web.Controller;

/** The write side reaching into a controller. */
public class CallsWeb {
    public String decide() {
        return Controller.answer();
    }
}
