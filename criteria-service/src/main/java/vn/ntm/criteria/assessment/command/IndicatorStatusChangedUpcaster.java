package vn.ntm.criteria.assessment.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
public class IndicatorStatusChangedUpcaster extends RevisionUpcaster {

    public IndicatorStatusChangedUpcaster() {
        super(IndicatorStatusChanged.class, null, "2");
    }

    @Override
    JsonNode upcast(ObjectNode payload) {
        return payload.put("setVersion", 1);
    }
}
