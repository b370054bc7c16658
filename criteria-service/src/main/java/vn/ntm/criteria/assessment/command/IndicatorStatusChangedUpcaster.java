package vn.ntm.criteria.assessment.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.ntm.criteria.assessment.api.IndicatorStatusChanged;

/**
 * Revision 2 of {@link IndicatorStatusChanged} names the criteria set version whose threshold was applied. Events
 * stored before (no revision) were all judged by a set's first version, so they are read with {@code setVersion: 1}
 * rather than a misleading 0. Stored events are never rewritten; they are upcast as they are read.
 */
@Component
@Order(0)
public class IndicatorStatusChangedUpcaster extends SingleEventUpcaster {

    static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(IndicatorStatusChanged.class.getName(), null);
    static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(IndicatorStatusChanged.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(REVISION_1);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, payload -> {
            ((ObjectNode) payload).put("setVersion", 1);
            return payload;
        });
    }
}
