package vn.ntm.testing.architecture.good.parcel.messaging;

import vn.ntm.testing.architecture.good.parcel.api.ParcelSent;

public class ParcelPublisher {
    public String publish(ParcelSent event) {
        return event.id();
    }
}
