package vn.ntm.testing.architecture.bad.parcel.rules;

/** In a package named for no role. */
public class Stray {
}
