package vn.ntm.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import vn.ntm.contracts.Actor;
import vn.ntm.criteria.assessment.command.Reevaluation;
import vn.ntm.testing.JsonHttp;
import vn.ntm.testing.KafkaTopics;
import vn.ntm.testing.ServiceIntegrationTest;
import vn.ntm.testing.ServiceUnderTest;

/**
 * The upgrade to status timelines on stored rows: an assessment whose event store holds status events in the forms
 * the old model wrote them (indicator revision 2, criterion and set without a revision, each "changed on validOn") is
 * read through the upcasters and, judged once under its rule book (what {@code TimelineUpgrade} does on start-up),
 * publishes exactly where its facts say otherwise — and a second upgrade publishes nothing. Catches stored rows that
 * no longer read, an upgrade that trusts the old events (a criterion said met beside its only indicator not met), one
 * that publishes nothing, and one that runs twice.
 */
@ServiceIntegrationTest
class TimelineUpgradeIT {

    private static final String SET = "VN-XA-NTMNC-2021-2025";

    @Autowired
    Reevaluation reevaluation;

    private final ServiceUnderTest service;

    TimelineUpgradeIT(ServiceUnderTest service) {
        this.service = service;
    }

    @Test
    void anAssessmentStoredByTheOldModelIsReadAndRebuiltFromItsFactsOnce() {
        String commune = new VillageServiceEvents(service.brokers(), service.codec()).communeArrives(http());
        if (http().get("/api/criteria-sets/" + SET).status() == 404) {
            assertThat(http().post("/api/criteria-sets/shipped/" + SET, "").status()).isEqualTo(201);
        }
        String aggregate = commune + "/" + SET;
        String measurement = UUID.randomUUID().toString();
        String path = "[{\"id\":\"" + commune + "\",\"level\":\"COMMUNE\",\"name\":\"Xã cũ\"}]";
        String actor = "{\"subject\":\"can-bo-cu\",\"role\":\"commune-officer\",\"scope\":null}";
        String head = "{\"assessmentId\":\"" + aggregate + "\",\"unitId\":\"" + commune + "\",\"unitPath\":" + path
                + ",\"criteriaSetId\":\"" + SET + "\",";
        // 90% of households on 2024-06-30, against the region's 98%: not met. The old model said so for the
        // indicator but, wrongly, met for its criterion — the kind of drift the upgrade must correct.
        store(aggregate, 0, "vn.ntm.criteria.assessment.api.MeasurementRecorded", null, head
                + "\"measurementId\":\"" + measurement + "\",\"indicatorCode\":\"4.2\",\"value\":{\"value\":90,"
                + "\"numerator\":null,\"denominator\":null,\"passed\":null},\"validOn\":\"2024-06-30\","
                + "\"evidence\":{\"document\":\"Biên bản cũ\",\"link\":null,\"note\":null,\"office\":null},"
                + "\"actor\":" + actor + ",\"rule\":{\"criteriaSetId\":\"" + SET + "\",\"criterionCode\":\"4\","
                + "\"indicatorCode\":\"4.2\",\"kind\":\"RATE\",\"comparator\":\"GE\",\"unit\":\"% households\","
                + "\"threshold\":98,\"thresholdVerified\":true,\"thresholdSource\":\"cũ\","
                + "\"setEffectiveFrom\":\"2022-03-08\",\"setEffectiveTo\":\"2026-02-14\",\"setVersion\":1}}");
        store(aggregate, 1, "vn.ntm.criteria.assessment.api.IndicatorStatusChanged", "2", head
                + "\"criterionCode\":\"4\",\"indicatorCode\":\"4.2\",\"previousStatus\":\"UNKNOWN\","
                + "\"status\":\"NOT_MET\",\"comparedValue\":90,\"comparator\":\"GE\",\"threshold\":98,"
                + "\"unit\":\"% households\",\"thresholdVerified\":true,\"thresholdSource\":\"cũ\","
                + "\"causeMeasurementId\":\"" + measurement + "\",\"validOn\":\"2024-06-30\",\"actor\":" + actor
                + ",\"setVersion\":1}");
        store(aggregate, 2, "vn.ntm.criteria.assessment.api.CriterionStatusChanged", null, head
                + "\"criterionCode\":\"4\",\"previousStatus\":\"UNKNOWN\",\"status\":\"MET\","
                + "\"causeIndicatorCode\":\"4.2\",\"causeMeasurementId\":\"" + measurement + "\","
                + "\"validOn\":\"2024-06-30\",\"actor\":" + actor + "}");
        service.jdbc().update("""
                insert into assessment_log (event_id, unit_id, criteria_set, kind, code, measurement_id, value,
                                            valid_on, recorded_at, recorded_by)
                values (?, ?, ?, 'MEASUREMENT_RECORDED', '4.2', ?, 90, '2024-06-30', now(), 'can-bo-cu')""",
                UUID.randomUUID(), UUID.fromString(commune), SET, UUID.fromString(measurement));

        assertThat(reevaluation.everyAssessmentNotYetUnderRuleBooks(Actor.system("test:upgrade")))
                .as("the stored assessment, and no other").isGreaterThanOrEqualTo(1);
        List<String> rebuilt = service.jdbc().queryForList("""
                select payload_type || ' ' || convert_from(payload, 'UTF8') from domain_event_entry
                where aggregate_identifier = ? and sequence_number > 2 order by sequence_number""",
                String.class, aggregate);
        assertThat(rebuilt.get(0)).contains("AssessmentRulesChanged");
        assertThat(rebuilt.subList(1, rebuilt.size())).as("the indicator stays not met (republished only because"
                        + " the catalogue's provenance of its threshold differs from what the old event said)")
                .allMatch(e -> e.contains("\"TIMELINES_REBUILT\""))
                .allMatch(e -> !e.contains("IndicatorStatus") || e.contains("\"status\":\"NOT_MET\""))
                .anyMatch(e -> e.contains("CriterionStatusChanged") && e.contains("\"criterionCode\":\"4\"")
                        && e.contains("\"status\":\"NOT_MET\"") && e.contains("\"validFrom\":\"2024-06-30\""));

        JsonNode standing = http().get("/api/units/" + commune + "/standing?criteriaSet=" + SET + "&asOf=2024-07-01")
                .json();
        assertThat(standing.path("criteria").get(3).path("status").asString()).isEqualTo("NOT_MET");
        assertThat(standing.path("criteria").get(3).path("indicators").get(1).path("status").asString())
                .as("the old indicator event, read through the upcasters").isEqualTo("NOT_MET");
        assertThat(standing.path("status").asString()).isEqualTo("NOT_MET");
        assertThat(standing.path("criteriaNotMet")).extracting(JsonNode::asString).containsExactly("4");

        long stored = service.jdbc().queryForObject(
                "select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, aggregate);
        assertThat(reevaluation.everyAssessmentNotYetUnderRuleBooks(Actor.system("test:upgrade"))).isZero();
        assertThat(service.jdbc().queryForObject(
                "select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, aggregate)).as("upgraded once").isEqualTo(stored);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                KafkaTopics.read(service.brokers(), "ntm.criteria", Integer.MAX_VALUE, Duration.ofSeconds(2)).stream()
                        .filter(r -> commune.equals(r.key())).map(r -> JsonHttp.parse(r.value()))
                        .filter(e -> e.path("eventType").asString().equals("CriterionStatusChanged"))
                        .map(e -> e.path("payload").path("cause").path("kind").asString()).toList())
                .as("the old criterion event goes out as a LEGACY stretch, the correction after it")
                .contains("LEGACY", "TIMELINES_REBUILT"));
    }

    private void store(String aggregate, long sequence, String type, String revision, String json) {
        service.jdbc().update("""
                insert into domain_event_entry (global_index, sequence_number, meta_data, payload,
                    aggregate_identifier, event_identifier, payload_revision, payload_type, time_stamp, type)
                values (nextval('domain_event_entry_seq'), ?, ?, ?, ?, ?, ?, ?, ?, 'Assessment')""",
                sequence, "{}".getBytes(StandardCharsets.UTF_8), json.getBytes(StandardCharsets.UTF_8), aggregate,
                UUID.randomUUID().toString(), revision, type, "2025-01-0" + (sequence + 1) + "T00:00:00Z");
    }

    private JsonHttp http() {
        return service.http();
    }
}
