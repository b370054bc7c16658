package vn.ntm.village.programme.command;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;
import vn.ntm.village.programme.api.PlanAdopted;
import vn.ntm.village.programme.api.PlanDeadlineMissed;
import vn.ntm.village.programme.api.PlanTaskCompleted;
import vn.ntm.village.programme.api.RecognitionDecided;
import vn.ntm.village.programme.api.RecognitionRequested;
import vn.ntm.village.programme.api.RecognitionRevoked;
import vn.ntm.village.programme.api.RecognitionStepRecorded;
import vn.ntm.village.programme.api.RevocationWarning;
import vn.ntm.village.programme.api.RewardGranted;

/**
 * Plan and recognition events were stored as nested records ({@code ...programme.api.PlanEvents$PlanAdopted}) before
 * each event got its own file ({@code ...programme.api.PlanAdopted}, ADR 16). The stored payload type is renamed as
 * the event is read; the JSON and the revision are unchanged (the records' components are the same, and the typed
 * ids are written as the plain strings they were). Stored events are never rewritten.
 */
@Component
public class ProgrammeEventUpcaster extends SingleEventUpcaster {

    private static final String API = "vn.ntm.village.programme.api.";

    /** The stored name of each event before the move → the event class now. */
    static final Map<String, String> RENAMED = Stream.of(
                    Map.entry("PlanEvents$PlanAdopted", PlanAdopted.class),
                    Map.entry("PlanEvents$PlanTaskCompleted", PlanTaskCompleted.class),
                    Map.entry("PlanEvents$PlanDeadlineMissed", PlanDeadlineMissed.class),
                    Map.entry("RecognitionEvents$RecognitionRequested", RecognitionRequested.class),
                    Map.entry("RecognitionEvents$RecognitionStepRecorded", RecognitionStepRecorded.class),
                    Map.entry("RecognitionEvents$RecognitionDecided", RecognitionDecided.class),
                    Map.entry("RecognitionEvents$RewardGranted", RewardGranted.class),
                    Map.entry("RecognitionEvents$RevocationWarning", RevocationWarning.class),
                    Map.entry("RecognitionEvents$RecognitionRevoked", RecognitionRevoked.class))
            .collect(Collectors.toUnmodifiableMap(e -> API + e.getKey(), e -> e.getValue().getName()));

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return RENAMED.containsKey(representation.getType().getName());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(RENAMED.get(representation.getType().getName()),
                representation.getType().getRevision()), JsonNode.class, Function.identity());
    }
}
