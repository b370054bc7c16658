package vn.ntm.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.ntm.testing.JsonHttp;
import vn.ntm.testing.KafkaTopics;
import vn.ntm.testing.ServiceIntegrationTest;
import vn.ntm.testing.ServiceUnderTest;

/**
 * A measurement form ({@code POST /api/units/{unitId}/measurement-forms}) on real PostgreSQL and a real (embedded
 * KRaft) Kafka broker: all its items recorded as the single endpoint records one, or none of them.
 */
@ServiceIntegrationTest
class MeasurementFormIT extends CommuneWithShippedSet {

    private static final String SET = "VN-XA-NTMNC-2021-2025";

    MeasurementFormIT(ServiceUnderTest service) {
        super(service, SET);
    }

    @Test
    void aFormOfSeveralIndicatorsRecordsThemAllAndTheirEventsReachKafka() {
        JsonHttp.Response response = postForm(form("2024-03-05", Map.of("document", "Biên bản kiểm tra quý I",
                        "office", "Sở Công Thương Bắc Giang"),
                item("4.1", "passed", true),
                item("4.2", "numerator", 2150, "denominator", 2150, "evidence", Map.of("note", "điện lực xã")),
                item("10", "value", 54)));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.headers().get("location")).singleElement().asString()
                .endsWith("/api/units/" + commune + "/standing?criteriaSet=" + SET);
        JsonNode items = response.json().path("items");
        assertThat(items).extracting(i -> i.path("indicatorCode").asString()).containsExactly("4.1", "4.2", "10");
        assertThat(items).extracting(i -> i.path("indicator").path("status").asString())
                .as("income has no threshold for an advanced commune yet").containsExactly("MET", "MET", "UNKNOWN");
        List<String> measurementIds = new ArrayList<>();
        items.forEach(i -> measurementIds.add(i.path("measurementId").asString()));
        assertThat(measurementIds).doesNotHaveDuplicates().allSatisfy(id -> assertThat(UUID.fromString(id)).isNotNull());
        assertThat(items.get(1).path("indicator").path("measurementId").asString()).isEqualTo(measurementIds.get(1));

        List<String> stored = service.jdbc().queryForList(
                "select convert_from(payload, 'UTF8') from domain_event_entry "
                + "where payload_type like '%MeasurementRecorded' and aggregate_identifier = ? order by global_index",
                String.class, commune + "/" + SET);
        assertThat(stored).hasSize(3);
        JsonNode electricity = JsonHttp.parse(stored.get(1));
        assertThat(electricity.path("evidence").path("note").asString()).isEqualTo("điện lực xã");
        assertThat(electricity.path("evidence").path("document").asString())
                .as("the form's evidence under the item's own").isEqualTo("Biên bản kiểm tra quý I");

        List<JsonNode> published = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            published.clear();
            KafkaTopics.read(service.brokers(), "ntm.criteria", Integer.MAX_VALUE, Duration.ofSeconds(2)).stream()
                    .filter(r -> commune.equals(r.key())).forEach(r -> published.add(JsonHttp.parse(r.value())));
            assertThat(published).last().extracting(e -> e.path("eventType").asString())
                    .isEqualTo("CriteriaSetStatusChanged");
        });
        List<String> types = published.stream().map(e -> e.path("eventType").asString()).toList();
        assertThat(types.subList(0, 6)).as("the single endpoint's events, judged once for the form")
                .containsExactly("MeasurementRecorded", "MeasurementRecorded", "MeasurementRecorded",
                        "IndicatorStatusChanged", "IndicatorStatusChanged", "IndicatorStatusChanged");
        assertThat(types.subList(6, types.size())).as("then the criteria and the set, each over its dates")
                .containsOnly("CriterionStatusChanged", "CriteriaSetStatusChanged");
        assertThat(published).allSatisfy(event -> {
            assertThat(event.path("actor").path("subject").asString()).isEqualTo("kiem-thu");
            assertThat(event.path("actor").path("role").asString()).isEqualTo("commune-officer");
            assertThat(event.path("recordedAt").asString()).isNotBlank();
        });
        assertThat(published.subList(0, 6)).allSatisfy(event ->
                assertThat(event.path("validOn").asString()).isEqualTo("2024-03-05"));
        assertThat(published.get(0).path("payload").path("evidence").path("assessedBy").asString())
                .isEqualTo("Sở Công Thương Bắc Giang");
        assertThat(published.subList(0, 3)).extracting(e -> e.path("payload").path("measurementId").asString())
                .containsExactlyElementsOf(measurementIds);
        assertThat(published.subList(3, 6)).extracting(e -> e.path("payload").path("governingMeasurementId")
                .asString()).containsExactlyElementsOf(measurementIds);
        assertThat(published).filteredOn(e -> e.path("eventType").asString().equals("CriterionStatusChanged")
                        && e.path("payload").path("criterionCode").asString().equals("4")
                        && e.path("validOn").asString().equals("2024-03-05"))
                .as("electricity met from the form's date, for as long as the set is in force")
                .singleElement().satisfies(e -> assertThat(e.path("payload").path("status").asString())
                        .isEqualTo("MET"));

        JsonNode history = http().get("/api/units/" + commune + "/history?criteriaSet=" + SET + "&code=4.2").json();
        assertThat(history).extracting(e -> e.path("kind").asString())
                .containsExactly("MEASUREMENT_RECORDED", "INDICATOR_STATUS");
    }

    @Test
    void anInvalidItemAmongValidOnesRecordsNothingAndTheProblemNamesIt() {
        long before = storedEvents();
        Map<String, Object> form = form("2024-03-05", null, item("10", "value", 54),
                item("4.2", "numerator", 12, "denominator", 10), item("4.1", "passed", true,
                        "evidence", Map.of("office", "UBND xã")));

        JsonHttp.Response response = postForm(form);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.problemType()).isEqualTo("numerator-above-denominator");
        assertThat(response.json().path("field").asString()).isEqualTo("items[1].numerator");
        assertThat(response.json().path("item").path("index").asInt()).isEqualTo(1);
        assertThat(response.json().path("item").path("indicatorCode").asString()).isEqualTo("4.2");
        assertThat(response.json().path("detail").asString())
                .isEqualTo("Chỉ tiêu 4.2 (dòng 2 của biểu mẫu): Tử số 12 lớn hơn mẫu số 10; tỷ lệ không thể vượt quá 100%.");
        JsonHttp.Response english = service.http().with("Accept-Language", "en")
                .post("/api/units/" + commune + "/measurement-forms", form);
        assertThat(english.json().path("detail").asString())
                .isEqualTo("Indicator 4.2 (line 2 of the form): Numerator 12 is above denominator 10; a rate cannot "
                        + "exceed 100%.");

        JsonHttp.Response unknown = postForm(form("2024-03-05", null, item("4.2", "value", 99),
                item("99.9", "value", 1)));
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(422);
        assertThat(unknown.problemType()).isEqualTo("unknown-indicator");
        assertThat(unknown.json().path("field").asString()).isEqualTo("items[1].indicatorCode");

        JsonHttp.Response noOffice = postForm(form("2024-03-05", null, item("4.2", "value", 99),
                item("4.1", "passed", true)));
        assertThat(noOffice.problemType()).as("checked by the aggregate").isEqualTo("office-required");
        assertThat(noOffice.json().path("field").asString()).isEqualTo("items[1].evidence.office");
        assertThat(noOffice.json().path("item").path("indicatorCode").asString()).isEqualTo("4.1");

        assertThat(storedEvents()).as("nothing of any refused form is stored").isEqualTo(before);
        assertThat(http().get("/api/units/" + commune + "/assessments").json()).isEmpty();
    }

    @Test
    void aFormCannotGiveAnIndicatorTwice() {
        long before = storedEvents();
        JsonHttp.Response response = postForm(form("2024-03-05", null, item("4.2", "value", 99),
                item("10", "value", 54), item("4.2", "value", 98.5)));

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.problemType()).isEqualTo("indicator-twice-in-form");
        assertThat(response.json().path("field").asString()).isEqualTo("items[2].indicatorCode");
        assertThat(response.json().path("detail").asString()).contains("dòng 1");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aFormOfTooManyItemsOrNoneIsRefused() {
        long before = storedEvents();
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i <= 500; i++) {
            items.add(item("4.2", "value", 99));
        }
        Map<String, Object> tooMany = form("2024-03-05", null);
        tooMany.put("items", items);

        JsonHttp.Response response = postForm(tooMany);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.problemType()).isEqualTo("form-too-large");
        assertThat(response.json().path("field").asString()).isEqualTo("items");
        JsonHttp.Response empty = postForm(form("2024-03-05", null));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.problemType()).isEqualTo("invalid-request");
        assertThat(empty.json().path("field").asString()).isEqualTo("items");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @SafeVarargs
    private static Map<String, Object> form(String validOn, Map<String, Object> evidence,
                                            Map<String, Object>... items) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("criteriaSet", SET);
        form.put("validOn", validOn);
        if (evidence != null) {
            form.put("evidence", evidence);
        }
        form.put("items", List.of(items));
        return form;
    }

    private static Map<String, Object> item(String indicatorCode, Object... fieldsAndValues) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("indicatorCode", indicatorCode);
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            item.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return item;
    }

    private JsonHttp.Response postForm(Map<String, Object> form) {
        return http().post("/api/units/" + commune + "/measurement-forms", form);
    }

    private long storedEvents() {
        return service.jdbc().queryForObject("select count(*) from domain_event_entry", Long.class);
    }
}
