package vn.ntm.criteria.assessment.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/** Reads one stored revision of an event type as the next, by a change of its JSON payload. */
abstract class RevisionUpcaster extends SingleEventUpcaster {

    private final SimpleSerializedType from;
    private final SimpleSerializedType to;

    /** @param fromRevision null for events stored before the type had a revision */
    RevisionUpcaster(Class<?> type, String fromRevision, String toRevision) {
        this.from = new SimpleSerializedType(type.getName(), fromRevision);
        this.to = new SimpleSerializedType(type.getName(), toRevision);
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(from);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(to, JsonNode.class, node -> upcast((ObjectNode) node));
    }

    /** The payload of revision {@code toRevision}, changed in place from one of {@code fromRevision}. */
    abstract JsonNode upcast(ObjectNode payload);
}
