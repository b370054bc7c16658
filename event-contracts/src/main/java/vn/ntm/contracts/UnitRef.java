package vn.ntm.contracts;

/** One step of a unit's path from the province down, as it stood on the event's valid date. */
public record UnitRef(String id, String level, String name) {
}
