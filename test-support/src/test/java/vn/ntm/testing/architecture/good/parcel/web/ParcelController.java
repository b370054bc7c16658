package vn.ntm.testing.architecture.good.parcel.web;

import vn.ntm.testing.architecture.good.parcel.command.Parcel;
import vn.ntm.testing.architecture.good.parcel.query.ParcelView;

public class ParcelController {
    public ParcelView send(Parcel parcel) {
        return new ParcelView(parcel.send());
    }
}
