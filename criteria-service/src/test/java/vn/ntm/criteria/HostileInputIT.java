package vn.ntm.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.ntm.testing.HostileInputs.FRESH;
import static vn.ntm.testing.HostileInputs.FRESH_UUID;
import static vn.ntm.testing.HostileInputs.body;
import static vn.ntm.testing.HostileInputs.get;
import static vn.ntm.testing.HostileInputs.post;
import static vn.ntm.testing.HostileInputs.postRaw;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.json.JsonMapper;
import vn.ntm.testing.HostileInputs;
import vn.ntm.testing.JsonHttp;
import vn.ntm.testing.ServiceIntegrationTest;
import vn.ntm.testing.ServiceUnderTest;
import vn.ntm.testing.TableSnapshot;

/**
 * The hostile-input corpus ({@link HostileInputs}) against every endpoint of criteria-service: each bad variant of a
 * valid request is a 4xx problem detail and records nothing in any table.
 *
 * <p>It shares {@link CriteriaServiceIT}'s context (a second one would cost a broker and a service start), so what its
 * valid requests record stays out of that test's way: its sets are of level MODEL_VILLAGE (CriteriaServiceIT asks
 * which COMMUNE sets apply), its measurements belong to a commune of its own, and the dead letters it asks for sit at
 * an offset no test reaches. The first case waits until what that test started has settled.
 */
@ServiceIntegrationTest
class HostileInputIT {

    private static final String SET = "VN-XA-NTMNC-2021-2025";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String YAML_SET = """
            code: TEST-HOSTILE-Y%s
            version: 1
            titleVi: Bộ tiêu chí kiểm thử YAML
            level: MODEL_VILLAGE
            scope: NATIONAL
            legalBasis: kiểm thử
            effectiveFrom: 2022-03-08
            criteria:
            - code: '4'
              nameVi: Điện
              indicators:
              - code: '4.2'
                nameVi: Tỷ lệ hộ dùng điện an toàn
                kind: RATE
                comparator: GE
                thresholds:
                - {value: 98, verified: false, source: kiểm thử}
            """;

    private static final String MULTIPART = "multipart/form-data; boundary=b0undary";

    private final ServiceUnderTest service;
    // every table; token_entry without the columns that move by themselves (TableSnapshot.axonTokens says why)
    private final TableSnapshot tables;

    HostileInputIT(ServiceUnderTest service) {
        this.service = service;
        this.tables = TableSnapshot.of(service.jdbc()).axonTokens();
    }

    JsonHttp http() {
        return service.http();
    }

    @TestFactory
    Stream<DynamicNode> everyEndpointRefusesHostileInputAndRecordsNothing() {
        // criteria-service learns units from village-service's events; the corpus needs one it knows
        String commune = VillageServiceEvents.communeWithShippedSet(service, SET);
        String toCorrect = measure(commune, "2024-03-05");
        String toRetract = measure(commune, "2024-04-05");
        Map<String, Object> measurement = body("criteriaSet", SET, "indicatorCode", "4.2", "numerator", 2000,
                "denominator", 2150, "validOn", "2024-03-05", "evidence", body("document", "30/KH-UBND",
                        "link", "https://example.vn/30-kh-ubnd", "note", "kiểm tra cuối quý", "office", "UBND xã"));
        Map<String, Object> set = body("code", "TEST-HOSTILE-" + FRESH, "version", 1,
                "titleVi", "Bộ tiêu chí kiểm thử", "titleEn", "Test set", "level", "MODEL_VILLAGE",
                "scope", "NATIONAL", "legalBasis", "kiểm thử", "effectiveFrom", "2022-03-08",
                "provenance", "kiểm thử", "skeleton", false, "criteria", List.of(body("code", "4",
                        "nameVi", "Điện", "indicators", List.of(body("code", "4.2",
                                "nameVi", "Tỷ lệ hộ dùng điện an toàn", "kind", "RATE", "comparator", "GE",
                                "thresholds", List.of(body("value", 98, "verified", false,
                                        "source", "kiểm thử")))))));
        String setJson = JSON.writeValueAsString(set);
        List<HostileInputs.Endpoint> endpoints = List.of(
                post("/api/criteria-sets", set)
                        // the corpus mutates top-level fields; these reach into the criteria and their indicators
                        .badBody("indicator kind unknown", setJson.replace("\"kind\":\"RATE\"", "\"kind\":\"BOGUS\""))
                        .badBody("indicator comparator SQL", setJson.replace("\"comparator\":\"GE\"",
                                "\"comparator\":\"'; drop table known_unit; --\""))
                        .badBody("indicator name with NUL", setJson.replace("\"Tỷ lệ hộ dùng điện an toàn\"",
                                "\"Tỷ lệ\\u0000hộ\""))
                        .badBody("threshold 1e400", setJson.replace("\"value\":98", "\"value\":1e400"))
                        .badBody("threshold 1e-999999999", setJson.replace("\"value\":98", "\"value\":1e-999999999"))
                        .badBody("threshold -1", setJson.replace("\"value\":98", "\"value\":-1"))
                        .badBody("threshold NaN", setJson.replace("\"value\":98", "\"value\":NaN"))
                        .badBody("criterion name of 600 characters", setJson.replace("\"nameVi\":\"Điện\"",
                                "\"nameVi\":\"" + "Đ".repeat(600) + "\""))
                        .badBody("indicator name with a zero-width space", setJson.replace(
                                "\"Tỷ lệ hộ dùng điện an toàn\"", "\"Tỷ lệ hộ dùng\u200bđiện an toàn\""))
                        .badBody("a complete set without criteria", setJson.substring(0,
                                setJson.indexOf("\"criteria\":")) + "\"criteria\":[]}")
                        // criteria left out is an empty list (a set published as a bare skeleton), not a fault
                        .required("code", "version", "titleVi", "level", "scope", "legalBasis", "effectiveFrom")
                        .lenient("titleVi", "titleEn", "scope", "legalBasis", "provenance")
                        .dates("effectiveFrom"),
                postRaw("/api/criteria-sets", "application/yaml", YAML_SET.formatted(FRESH))
                        .badBody("titleVi with a NUL escape",
                                YAML_SET.formatted(FRESH).replace("titleVi: Bộ tiêu chí kiểm thử YAML",
                                        "titleVi: \"Bộ tiêu chí\\0kiểm thử\""))
                        .badBody("code with SQL", YAML_SET.formatted(FRESH).replaceFirst("code: TEST-HOSTILE-Y\\S+",
                                "code: \"'; drop table known_unit; --\""))
                        .badBody("version 1e400", YAML_SET.formatted(FRESH).replace("version: 1", "version: 1e400"))
                        .badBody("threshold NaN", YAML_SET.formatted(FRESH).replace("value: 98", "value: .nan"))
                        .badBody("threshold 1e-999999999",
                                YAML_SET.formatted(FRESH).replace("value: 98", "value: 1e-999999999"))
                        .badBody("effectiveFrom February 30",
                                YAML_SET.formatted(FRESH).replace("2022-03-08", "2022-02-30")),
                get("/api/criteria-sets"),
                get("/api/criteria-sets/shipped"),
                post("/api/criteria-sets/shipped/{code}").with("code", SET).validRequestIsRefused(),
                get("/api/criteria-sets/{code}").with("code", SET),
                get("/api/criteria-sets/{code}/versions").with("code", SET),
                get("/api/criteria-sets/applicable?level={level}&on={on?}").with("level", "COMMUNE")
                        .with("on", "2024-03-05").dates("on"),
                get("/api/units/{unitId}").with("unitId", commune),
                post("/api/units/{unitId}/measurements", measurement).with("unitId", commune)
                        .required("criteriaSet", "indicatorCode", "validOn").references("criteriaSet", "indicatorCode")
                        .lenient("evidence.document", "evidence.link", "evidence.note", "evidence.office")
                        .wholeNumbers("numerator", "denominator").pastDates("validOn"),
                post("/api/units/{unitId}/measurements", body("criteriaSet", SET, "indicatorCode", "4.2",
                        "value", 97.5, "validOn", "2024-05-05")).label("value").with("unitId", commune)
                        .required("criteriaSet", "indicatorCode", "validOn").references("criteriaSet", "indicatorCode")
                        .pastDates("validOn"),
                // dated apart from the measurements above, so that its items are not refused as duplicates of them
                post("/api/units/{unitId}/measurement-forms", body("criteriaSet", SET, "validOn", "2024-06-05",
                        "evidence", body("document", "Biên bản kiểm tra quý II", "office", "Sở Công Thương"),
                        "items", List.of(body("indicatorCode", "4.2", "numerator", 2010, "denominator", 2150),
                                body("indicatorCode", "4.1", "passed", true),
                                body("indicatorCode", "10", "value", 54.5, "evidence", body("note", "ước tính")))))
                        .with("unitId", commune).eachItemOf("items")
                        .required("criteriaSet", "validOn", "items", "items[0].indicatorCode",
                                "items[1].indicatorCode", "items[2].indicatorCode")
                        .references("criteriaSet", "items[0].indicatorCode", "items[1].indicatorCode",
                                "items[2].indicatorCode")
                        .lenient("evidence.document", "evidence.office", "items[2].evidence.note")
                        .wholeNumbers("items[0].numerator", "items[0].denominator").pastDates("validOn"),
                post("/api/units/{unitId}/measurements/{measurementId}/corrections", body("numerator", 2100,
                        "denominator", 2150, "reason", "Sửa theo biên bản kiểm tra", "evidence",
                        body("note", "biên bản số 12")))
                        .with("unitId", commune).with("measurementId", toCorrect)
                        .required("reason").lenient("reason", "evidence.note").wholeNumbers("numerator", "denominator"),
                post("/api/units/{unitId}/measurements/{measurementId}/retraction",
                        body("reason", "Số liệu thuộc thôn khác"))
                        .with("unitId", commune).with("measurementId", toRetract)
                        .required("reason").lenient("reason"),
                get("/api/units/{unitId}/standing?criteriaSet={criteriaSet}").with("unitId", commune)
                        .with("criteriaSet", SET),
                get("/api/units/{unitId}/gaps?criteriaSet={criteriaSet?}").with("unitId", commune)
                        .with("criteriaSet", SET),
                get("/api/units/{unitId}/gaps?level={level?}").with("unitId", commune).with("level", "COMMUNE")
                        .label("by level"),
                get("/api/units/{unitId}/history?criteriaSet={criteriaSet}&code={code?}").with("unitId", commune)
                        .with("criteriaSet", SET).with("code", "4.2")
                        .lenient("code"), // a filter: an unknown code has no history (200, empty)
                get("/api/units/{unitId}/assessments").with("unitId", commune),
                get("/api/units/{unitId}/measurement-template?criteriaSet={criteriaSet}&validOn={validOn?}"
                        + "&format={format?}&lang={lang?}").with("unitId", commune).with("criteriaSet", SET)
                        .with("validOn", "2024-03-05").with("format", "csv").with("lang", "en").dates("validOn")
                        .lenient("lang"), // any language but en is Vietnamese
                // a dry run (the default), so that no variant answered 200 records the file
                postRaw("/api/units/{unitId}/measurement-imports?criteriaSet={criteriaSet}&validOn={validOn}",
                        MULTIPART, multipart(template(commune))).with("unitId", commune).with("criteriaSet", SET)
                        .with("validOn", "2024-07-05").pastDates("validOn"),
                get("/api/dead-letters"),
                get("/api/dead-letters/event-handlers"),
                get("/api/dead-letters/event-handlers/{processingGroup}/{id}").with("processingGroup", "assessment-log")
                        .with("id", FRESH_UUID).validRequestIsRefused(),
                post("/api/dead-letters/event-handlers/{processingGroup}/{id}/replay")
                        .with("processingGroup", "assessment-log").with("id", FRESH_UUID).validRequestIsRefused(),
                get("/api/dead-letters/{topic}/{partition}/{offset}").with("topic", "ntm.units.dlq.criteria")
                        .with("partition", "0").with("offset", "999999").validRequestIsRefused(),
                post("/api/dead-letters/{topic}/{partition}/{offset}/replay").with("topic", "ntm.units.dlq.criteria")
                        .with("partition", "0").with("offset", "999999").validRequestIsRefused(),
                get("/api/nothing").validRequestIsRefused());
        return HostileInputs.tests(http(), service.context(), endpoints, tables::take, () -> await()
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50)).atMost(Duration.ofMinutes(1))
                .until(tables.quiet(), Objects::nonNull));
    }

    /** The set's CSV template for the commune, as an officer downloads it. */
    private String template(String unit) {
        JsonHttp.Response response = http().get("/api/units/" + unit + "/measurement-template?criteriaSet=" + SET
                + "&validOn=2024-07-05&format=csv");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body();
    }

    private static String multipart(String csv) {
        return "--b0undary\r\nContent-Disposition: form-data; name=\"office\"\r\n\r\nPhòng Kinh tế\r\n"
                + "--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"quy-3.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--b0undary--\r\n";
    }

    private String measure(String unit, String validOn) {
        JsonHttp.Response response = http().post("/api/units/" + unit + "/measurements", Map.of(
                "criteriaSet", SET, "indicatorCode", "4.2", "value", 97, "validOn", validOn));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().path("measurementId").asString();
    }

}
