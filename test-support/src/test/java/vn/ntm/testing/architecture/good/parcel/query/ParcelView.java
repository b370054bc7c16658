package vn.ntm.testing.architecture.good.parcel.query;

import vn.ntm.testing.architecture.good.parcel.api.ParcelSent;

public record ParcelView(ParcelSent last) {
}
