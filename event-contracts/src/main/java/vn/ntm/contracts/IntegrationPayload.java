package vn.ntm.contracts;

/** Marker for the payload records that travel inside an {@link Envelope}. */
public interface IntegrationPayload {

    /** Key for events that are not about one unit (criteria sets). Unit events are keyed by their unit id. */
    default String partitionKey() {
        return null;
    }
}
