package vn.ntm.testing.architecture.good.parcel.command;

import vn.ntm.testing.architecture.good.parcel.api.ParcelSent;

public class Parcel {
    public ParcelSent send() {
        return new ParcelSent("p");
    }
}
