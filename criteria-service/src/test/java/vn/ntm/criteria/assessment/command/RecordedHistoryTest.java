package vn.ntm.criteria.assessment.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import vn.ntm.contracts.Actor;
import vn.ntm.contracts.UnitRef;
import vn.ntm.criteria.assessment.api.AssessmentId;
import vn.ntm.criteria.assessment.api.CorrectMeasurement;
import vn.ntm.criteria.assessment.api.Evidence;
import vn.ntm.criteria.assessment.api.MeasuredValue;
import vn.ntm.criteria.assessment.api.MeasurementId;
import vn.ntm.criteria.assessment.api.RecordMeasurement;
import vn.ntm.criteria.assessment.api.ReevaluateAssessment;
import vn.ntm.criteria.assessment.api.RetractMeasurement;
import vn.ntm.criteria.assessment.messaging.AssessmentEventPublisher;
import vn.ntm.support.messaging.EventCodec;
import vn.ntm.testing.RecordedEvents;

/**
 * Records what criteria-service publishes for a history of commands through the real aggregate and the real
 * translation to integration events, into test-support's {@code recorded/valid-time-history.jsonl}, which
 * reporting-service's and village-service's tests feed to their consumers. The test fails when the recording no
 * longer equals what the code publishes (rerun with {@code -Dntm.recorded.write=true} to write it anew, and review
 * the diff): consumers are never tested against events the producer does not emit.
 *
 * <p>Steps, each recorded at 2026-01-0{step}T00:00:00Z (the day of step 1 is 2026-01-01, and so on):
 * 1. I1 35/50 valid 2024-06-30; 2. I2 12 valid 2024-03-31; 3. I1 45/50 valid 2024-03-31 (back-dated);
 * 4. the 2024-06-30 measurement corrected to 46/50; 5. I1 30/50 valid 2024-09-30; 6. the 2024-06-30 measurement
 * retracted; 7. I3 passed valid 2024-06-30; 8. version 2 published (from 2025-01-01, I1 ≥ 90%, I3 replaced by I4).
 */
class RecordedHistoryTest {

    private static final String UNIT = RecordedEvents.VALID_TIME_COMMUNE;
    private static final AssessmentId ID = AssessmentId.of(UNIT, Books.SET);
    private static final List<UnitRef> PATH = List.of(
            new UnitRef(RecordedEvents.VALID_TIME_PROVINCE, "PROVINCE", "Tỉnh thử nghiệm"),
            new UnitRef(UNIT, "COMMUNE", "Xã thử nghiệm thời gian"));
    private static final Actor OFFICER = new Actor("can-bo-thu-nghiem", "commune-officer", UNIT);
    private static final Evidence EVIDENCE = new Evidence("Biên bản kiểm thử", null, "minh họa", "Phòng Kinh tế");
    private static final Path RECORDING = Path.of("..", "test-support", "src", "main", "resources", "recorded",
            RecordedEvents.VALID_TIME_HISTORY + ".jsonl");

    private static RecordMeasurement record(String id, String indicator, MeasuredValue value, String on) {
        return new RecordMeasurement(ID, UNIT, PATH, Books.SET, new MeasurementId(id), indicator, value, LocalDate.parse(on),
                EVIDENCE, Books.oneVersion(), OFFICER);
    }

    private static MeasuredValue rate(long numerator) {
        return new MeasuredValue(null, numerator, 50L, null);
    }

    static List<Object> commands() {
        return List.of(
                record("00000000-0000-4000-8000-000000000001", "I1", rate(35), "2024-06-30"),
                record("00000000-0000-4000-8000-000000000002", "I2",
                        new MeasuredValue(new BigDecimal("12"), null, null, null), "2024-03-31"),
                record("00000000-0000-4000-8000-000000000003", "I1", rate(45), "2024-03-31"),
                new CorrectMeasurement(ID, UNIT, PATH, new MeasurementId("00000000-0000-4000-8000-000000000001"), rate(46),
                        "Sửa theo biên bản", EVIDENCE, Books.oneVersion(), OFFICER),
                record("00000000-0000-4000-8000-000000000005", "I1", rate(30), "2024-09-30"),
                new RetractMeasurement(ID, UNIT, PATH, new MeasurementId("00000000-0000-4000-8000-000000000001"),
                        "Số liệu của thôn khác", Books.oneVersion(), OFFICER),
                record("00000000-0000-4000-8000-000000000007", "I3", new MeasuredValue(null, null, null, true),
                        "2024-06-30"),
                new ReevaluateAssessment(ID, UNIT, PATH, Books.twoVersions(),
                        Actor.system("criteria-service:version-activation")));
    }

    /** Catches consumers' fixtures drifting from what the aggregate and the publisher really emit. */
    @Test
    void theRecordingIsWhatCriteriaServicePublishesForTheHistory() throws IOException {
        EventCodec codec = new EventCodec(JsonMapper.builder().build());
        List<Object> given = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        List<Object> commands = commands();
        for (int step = 0; step < commands.size(); step++) {
            Instant recordedAt = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(86_400L * step);
            int index = 0;
            for (Object payload : published(given, commands.get(step))) {
                if (payload instanceof vn.ntm.criteria.assessment.api.AssessmentRulesChanged) {
                    continue; // stays inside criteria-service
                }
                UUID eventId = UUID.nameUUIDFromBytes(("valid-time-history/" + step + "/" + index++)
                        .getBytes(StandardCharsets.UTF_8));
                lines.add(new String(codec.encode(AssessmentEventPublisher.toContract(payload, eventId,
                        recordedAt.plusMillis(index))), StandardCharsets.UTF_8));
            }
            given.add(commands.get(step));
        }
        String recording = String.join("\n", lines) + "\n";
        if (Boolean.getBoolean("ntm.recorded.write") || !Files.exists(RECORDING)) {
            Files.writeString(RECORDING, recording);
        }
        assertThat(Files.readString(RECORDING)).as("rerun with -Dntm.recorded.write=true and review the diff")
                .isEqualTo(recording);
        assertThat(lines).as("a back-dated measurement, a correction and a retraction each publish stretches")
                .anyMatch(l -> l.contains("\"MEASUREMENT_CORRECTED\"") && l.contains("IndicatorStatusChanged"))
                .anyMatch(l -> l.contains("\"MEASUREMENT_RETRACTED\"") && l.contains("IndicatorStatusChanged"))
                .anyMatch(l -> l.contains("\"RULES_CHANGED\"") && l.contains("\"setVersion\":2"));
    }

    private static List<Object> published(List<Object> given, Object command) {
        var fixture = FixtureRuns.fixture();
        return FixtureRuns.payloads((given.isEmpty() ? fixture.givenNoPriorActivity() : fixture.givenCommands(given))
                .when(command));
    }
}
