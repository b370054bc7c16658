package vn.ntm.contracts;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The registry of integration event types: name and schema version on the wire, Java record in code.
 * A consumer that meets a name or version it does not know sends the message to the dead-letter topic. An older
 * version that is still read is listed with its own record, an {@link OlderVersion}, which decoding upcasts.
 */
public final class EventTypes {

    /** The topic that village-service publishes units and programme events to. */
    public static final String UNITS_TOPIC = "ntm.units";
    /** The province dashboard feed that reporting-service publishes once its read models have a change. */
    public static final String DASHBOARD_TOPIC = "ntm.dashboard";
    /** The topic that criteria-service publishes catalogue, measurement and status events to. */
    public static final String CRITERIA_TOPIC = "ntm.criteria";

    public record Type(String name, int version, Class<? extends IntegrationPayload> payloadClass) {
    }

    private static final List<Type> TYPES = List.of(
            new Type("UnitRegistered", 1, UnitRegistered.class),
            new Type("CriteriaSetPublished", 1, CriteriaSetPublished.class),
            new Type("MeasurementRecorded", 2, MeasurementRecorded.class),
            new Type("MeasurementRecorded", 1, MeasurementRecordedV1.class),
            new Type("IndicatorStatusChanged", 2, IndicatorStatusChanged.class),
            new Type("IndicatorStatusChanged", 1, IndicatorStatusChangedV1.class),
            new Type("MeasurementCorrected", 1, MeasurementCorrected.class),
            new Type("MeasurementRetracted", 1, MeasurementRetracted.class),
            new Type("CriterionStatusChanged", 2, CriterionStatusChanged.class),
            new Type("CriterionStatusChanged", 1, CriterionStatusChangedV1.class),
            new Type("CriteriaSetStatusChanged", 2, CriteriaSetStatusChanged.class),
            new Type("CriteriaSetStatusChanged", 1, CriteriaSetStatusChangedV1.class),
            new Type("DashboardUpdate", 1, DashboardUpdate.class),
            new Type("UnitRenamed", 1, UnitRenamed.class),
            new Type("UnitMoved", 1, UnitMoved.class),
            new Type("UnitAttributesChanged", 1, UnitAttributesChanged.class),
            new Type("UnitEnded", 1, UnitEnded.class),
            new Type("PlanAdopted", 1, PlanAdopted.class),
            new Type("PlanTaskCompleted", 1, PlanTaskCompleted.class),
            new Type("PlanDeadlineMissed", 1, PlanDeadlineMissed.class),
            new Type("RecognitionRequested", 1, RecognitionRequested.class),
            new Type("RecognitionStepRecorded", 1, RecognitionStepRecorded.class),
            new Type("RecognitionDecided", 1, RecognitionDecided.class),
            new Type("RewardGranted", 1, RewardGranted.class),
            new Type("RevocationWarning", 1, RevocationWarning.class),
            new Type("RecognitionRevoked", 1, RecognitionRevoked.class));

    private static final Map<Class<?>, Type> BY_CLASS =
            TYPES.stream().collect(Collectors.toMap(Type::payloadClass, Function.identity()));

    private EventTypes() {
    }

    public static Type of(Class<?> payloadClass) {
        Type type = BY_CLASS.get(payloadClass);
        if (type == null) {
            throw new IllegalArgumentException("Not an integration event: " + payloadClass.getName());
        }
        return type;
    }

    public static Optional<Type> find(String name, int version) {
        return TYPES.stream().filter(t -> t.name().equals(name) && t.version() == version).findFirst();
    }

    public static List<Type> all() {
        return TYPES;
    }
}
