package vn.ntm.testing.architecture.bad.parcel.messaging;

public class Publisher {
    public void publish() {
    }
}
