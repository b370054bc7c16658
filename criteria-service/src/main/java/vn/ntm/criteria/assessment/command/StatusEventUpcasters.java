package vn.ntm.criteria.assessment.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.ntm.contracts.StatusCause;
import vn.ntm.criteria.assessment.api.CriteriaSetStatusChanged;
import vn.ntm.criteria.assessment.api.CriterionStatusChanged;
import vn.ntm.criteria.assessment.api.IndicatorStatusChanged;

/**
 * Status events stored before status timelines said "the status changed on validOn", with no end and with the status
 * before. They are read as what they meant to their readers then: a stretch from validOn, open-ended, of a
 * {@link StatusCause#LEGACY} change (criterion and set events did not name the set version: 0). Folded later over
 * earlier, as the assessment folds every stretch, they give the timelines the platform had published; the first
 * command after the upgrade derives the timelines from the facts and publishes what differs (TIMELINES_REBUILT).
 * Stored events are never rewritten; they are upcast as they are read.
 */
public final class StatusEventUpcasters {

    private StatusEventUpcasters() {
    }

    /** Revision 2 (after {@link IndicatorStatusChangedUpcaster}) to 3. */
    @Component
    @Order(1)
    public static class IndicatorStatus extends StretchUpcaster {
        public IndicatorStatus() {
            super(IndicatorStatusChanged.class, "2", "3", true);
        }
    }

    /**
     * Revision 3 (after {@link IndicatorStatus}) to 4: the thirteen flat fields grouped as {@code indicator} (which
     * one), {@code stretch} (status over valid time) and {@code judgement} (from what, by which threshold); nothing
     * else changes. Older revisions reach 3 first, so every stored form ends here.
     */
    @Component
    @Order(2)
    public static class IndicatorStatusGrouped extends RevisionUpcaster {

        public IndicatorStatusGrouped() {
            super(IndicatorStatusChanged.class, "3", "4");
        }

        @Override
        JsonNode upcast(ObjectNode payload) {
            ObjectNode indicator = payload.objectNode();
            move(payload, indicator, "criterionCode", "indicatorCode");
            ObjectNode stretch = payload.objectNode();
            move(payload, stretch, "status", "validFrom", "validUntil");
            ObjectNode judgement = payload.objectNode();
            move(payload, judgement, "governingMeasurementId", "comparedValue", "comparator", "threshold", "unit",
                    "thresholdVerified", "thresholdSource", "setVersion");
            // in the order of the record's components, before cause and actor
            JsonNode cause = payload.remove("cause");
            JsonNode actor = payload.remove("actor");
            payload.set("indicator", indicator);
            payload.set("stretch", stretch);
            payload.set("judgement", judgement);
            payload.set("cause", cause);
            payload.set("actor", actor);
            return payload;
        }

        private static void move(ObjectNode from, ObjectNode to, String... fields) {
            for (String field : fields) {
                JsonNode value = from.remove(field);
                if (value != null) {
                    to.set(field, value);
                }
            }
        }
    }

    /** No revision to 2. */
    @Component
    @Order(1)
    public static class CriterionStatus extends StretchUpcaster {
        public CriterionStatus() {
            super(CriterionStatusChanged.class, null, "2", false);
        }
    }

    /** No revision to 2. */
    @Component
    @Order(1)
    public static class SetStatus extends StretchUpcaster {
        public SetStatus() {
            super(CriteriaSetStatusChanged.class, null, "2", false);
        }
    }

    /** validOn becomes validFrom, validUntil null, the cause a LEGACY one naming what the old event named. */
    abstract static class StretchUpcaster extends RevisionUpcaster {

        private final boolean indicator;

        StretchUpcaster(Class<?> type, String fromRevision, String toRevision, boolean indicator) {
            super(type, fromRevision, toRevision);
            this.indicator = indicator;
        }

        @Override
        JsonNode upcast(ObjectNode payload) {
            JsonNode validOn = payload.remove("validOn");
            JsonNode measurement = payload.remove("causeMeasurementId");
            JsonNode causeIndicator = payload.remove("causeIndicatorCode");
            payload.remove("previousStatus");
            payload.set("validFrom", validOn);
            payload.putNull("validUntil");
            if (indicator) {
                payload.set("governingMeasurementId", measurement);
            } else {
                payload.put("setVersion", 0);
            }
            ObjectNode cause = payload.putObject("cause");
            cause.put("kind", StatusCause.LEGACY);
            cause.set("measurementId", measurement);
            cause.set("indicatorCode", indicator ? payload.get("indicatorCode") : causeIndicator);
            cause.set("validOn", validOn);
            return payload;
        }
    }
}
