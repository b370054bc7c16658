package vn.ntm.testing.architecture.bad.parcel.query;

import vn.ntm.testing.architecture.bad.parcel.messaging.Publisher;

/** The read side calling a publisher. */
public class Shown {
    public void announce(Publisher publisher) {
        publisher.publish();
    }
}
