package vn.ntm.testing.architecture.bad.parcel.api;

import vn.ntm.testing.architecture.bad.parcel.query.Shown;

/** A message that knows the read side. */
public record Leaky(Shown shown) {
}
