package vn.ntm.testing.architecture.good.parcel.api;

public record ParcelSent(String id) {
}
