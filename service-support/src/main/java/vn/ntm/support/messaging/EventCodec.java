package vn.ntm.support.messaging;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ntm.contracts.Envelope;
import vn.ntm.contracts.EventTypes;
import vn.ntm.contracts.IntegrationPayload;
import vn.ntm.contracts.OlderVersion;

/**
 * Reads and writes integration events as JSON. Reading looks at {@code eventType} and {@code schemaVersion} first,
 * so a message of a type this build does not know is refused with {@link UndecodableEvent} rather than half-read,
 * and an older schema version that is still read ({@link OlderVersion}) reaches consumers in the current one.
 */
public class EventCodec {

    private final JsonMapper mapper;

    public EventCodec(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public byte[] encode(Envelope<?> envelope) {
        return mapper.writeValueAsBytes(envelope);
    }

    public Envelope<?> decode(byte[] json) {
        try {
            JsonNode tree = mapper.readTree(json);
            String name = tree.path("eventType").asString(null);
            int version = tree.path("schemaVersion").asInt(0);
            EventTypes.Type type = EventTypes.find(name, version).orElseThrow(
                    () -> new UndecodableEvent("unknown event type " + name + " v" + version));
            JavaType envelopeType = mapper.getTypeFactory().constructParametricType(Envelope.class, type.payloadClass());
            Envelope<?> envelope = mapper.treeToValue(tree, envelopeType);
            return envelope.payload() instanceof OlderVersion older ? upcast(envelope, older.upcast()) : envelope;
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new UndecodableEvent("not a readable integration event: " + e.getMessage(), e);
        }
    }

    private static Envelope<?> upcast(Envelope<?> old, IntegrationPayload current) {
        EventTypes.Type type = EventTypes.of(current.getClass());
        return new Envelope<>(old.eventId(), type.name(), type.version(), old.validOn(), old.recordedAt(),
                old.actor(), old.unitId(), old.unitPath(), current);
    }
}
