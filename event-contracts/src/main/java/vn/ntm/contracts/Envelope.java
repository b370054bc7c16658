package vn.ntm.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The one shape every integration event has on Kafka.
 *
 * @param eventId       unique per fact; consumers de-duplicate on it (delivery is at least once)
 * @param eventType     the payload's type name, see {@link EventTypes}
 * @param schemaVersion the payload's schema version; a change that breaks a consumer gets a new one
 * @param validOn       valid time: the date the fact refers to or takes effect
 * @param recordedAt    recorded time: when the platform learnt the fact
 * @param actor         who did it
 * @param unitId        the administrative unit the fact is about (also the Kafka key); null for catalogue events
 * @param unitPath      that unit's path from the province down, as it stood on {@code validOn}
 * @param payload       the event itself
 */
public record Envelope<P extends IntegrationPayload>(
        UUID eventId,
        String eventType,
        int schemaVersion,
        LocalDate validOn,
        Instant recordedAt,
        Actor actor,
        String unitId,
        List<UnitRef> unitPath,
        P payload) {

    public Envelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(payload, "payload");
        unitPath = unitPath == null ? List.of() : List.copyOf(unitPath);
    }

    public static <P extends IntegrationPayload> Envelope<P> of(UUID eventId, LocalDate validOn, Instant recordedAt,
                                                               Actor actor, String unitId, List<UnitRef> unitPath,
                                                               P payload) {
        EventTypes.Type type = EventTypes.of(payload.getClass());
        return new Envelope<>(eventId, type.name(), type.version(), validOn, recordedAt, actor, unitId, unitPath, payload);
    }

    /** The Kafka record key: the unit id keeps one unit's events in order; catalogue events use their own key. */
    public String key() {
        return unitId != null ? unitId : payload.partitionKey();
    }
}
