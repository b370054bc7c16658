package vn.ntm.testing.architecture.good.parcel.config;

import vn.ntm.testing.architecture.good.parcel.messaging.ParcelPublisher;
import vn.ntm.testing.architecture.good.parcel.web.ParcelController;

public class ParcelConfig {
    ParcelController controller = new ParcelController();
    ParcelPublisher publisher = new ParcelPublisher();
}
