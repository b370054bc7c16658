package vn.ntm.village.programme.query;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.ntm.village.programme.api.RecognitionDecided;
import vn.ntm.village.programme.api.RecognitionId;
import vn.ntm.village.programme.api.RecognitionRequested;
import vn.ntm.village.programme.api.RecognitionRevoked;
import vn.ntm.village.programme.api.RecognitionStep;
import vn.ntm.village.programme.api.RecognitionStepRecorded;
import vn.ntm.village.programme.api.RevocationWarning;
import vn.ntm.village.programme.api.RewardGranted;

/**
 * Recognitions as a table ({@code recognition_view}): status, dates and the full history, each entry an event with
 * its kind. Kept in the events' transaction (processing group {@value PlanProjection#PROCESSING_GROUP}): the command
 * side reads it (one request per unit and level, recognitions in force for the revocation watch) as well as
 * {@link ProgrammeQueries}.
 */
@Component
@ProcessingGroup(PlanProjection.PROCESSING_GROUP)
class RecognitionProjection {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    RecognitionProjection(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(RecognitionRequested event, @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        jdbc.update("""
                insert into recognition_view (recognition_id, unit_id, level, criteria_set, status, requested_on,
                                              history, recorded_at)
                values (?, ?, ?, ?, 'REQUESTED', ?, cast(? as jsonb), ?)""",
                event.recognitionId().value(), event.unitId().uuid(), event.level().name(),
                event.criteriaSetCode(), event.requestedOn(), history("REQUESTED", event),
                Timestamp.from(recordedAt));
    }

    @EventHandler
    void on(RecognitionStepRecorded event) {
        boolean rejected = !event.passed() && (event.step() == RecognitionStep.HIGHER_LEVEL_CHECK
                || event.step() == RecognitionStep.APPRAISAL);
        append(event.recognitionId(), rejected ? "REJECTED" : event.step().name(), event.step().name(), event);
    }

    @EventHandler
    void on(RecognitionDecided event) {
        jdbc.update("update recognition_view set decided_on = ?, decision_number = ? where recognition_id = ?",
                event.decidedOn(), event.decisionNumber(), event.recognitionId().value());
        append(event.recognitionId(), "DECIDED", "DECISION", event);
    }

    @EventHandler
    void on(RewardGranted event) {
        append(event.recognitionId(), null, "REWARD", event);
    }

    @EventHandler
    void on(RevocationWarning event) {
        append(event.recognitionId(), null, "REVOCATION_WARNING", event);
    }

    @EventHandler
    void on(RecognitionRevoked event) {
        jdbc.update("update recognition_view set revoked_on = ? where recognition_id = ?", event.decidedOn(),
                event.recognitionId().value());
        append(event.recognitionId(), "REVOKED", "REVOCATION", event);
    }

    private void append(RecognitionId recognitionId, String status, String kind, Object event) {
        jdbc.update("""
                update recognition_view set status = coalesce(?, status), history = history || cast(? as jsonb)
                where recognition_id = ?""", status, history(kind, event), recognitionId.value());
    }

    /** The event as a history entry: its kind first, then its fields without the unit's path. */
    private String history(String kind, Object event) {
        ObjectNode entry = json.createObjectNode().put("kind", kind);
        entry.setAll((ObjectNode) json.valueToTree(event));
        entry.remove("path");
        return json.writeValueAsString(List.of(entry));
    }
}
