package vn.ntm.village;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.ntm.testing.HostileInputs.FRESH;
import static vn.ntm.testing.HostileInputs.FRESH_UUID;
import static vn.ntm.testing.HostileInputs.body;
import static vn.ntm.testing.HostileInputs.get;
import static vn.ntm.testing.HostileInputs.post;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import vn.ntm.testing.HostileInputs;
import vn.ntm.testing.JsonHttp;
import vn.ntm.testing.ServiceIntegrationTest;
import vn.ntm.testing.ServiceUnderTest;
import vn.ntm.testing.TableSnapshot;

/**
 * The hostile-input corpus ({@link HostileInputs}) against every endpoint of village-service: each bad variant of a
 * valid request is a 4xx problem detail and records nothing. A context of its own: the valid requests register units.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = {"ntm.test.suite=hostile-input", "ntm.deadlines.initial-delay-ms=3600000"})
@DirtiesContext
class HostileInputIT {

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
        String province = register(body("level", "PROVINCE", "name", "Tỉnh " + UUID.randomUUID(),
                "validFrom", "1997-01-01", "region", "TDMNPB"));
        String district = register(body("level", "DISTRICT", "name", "Huyện kiểm thử", "parentId", province,
                "validFrom", "1997-01-01"));
        String commune = register(body("level", "COMMUNE", "name", "Xã kiểm thử", "parentId", district,
                "validFrom", "1997-01-01"));
        String otherDistrict = register(body("level", "DISTRICT", "name", "Huyện kiểm thử 2", "parentId", province,
                "validFrom", "1997-01-01"));
        String renamed = register(body("level", "COMMUNE", "name", "Xã đổi tên", "parentId", district,
                "validFrom", "1997-01-01"));
        String moved = register(body("level", "COMMUNE", "name", "Xã chuyển", "parentId", district,
                "validFrom", "1997-01-01"));
        String village = register(body("level", "VILLAGE", "name", "Thôn giải thể", "parentId", commune,
                "validFrom", "1997-01-01"));
        String successor = register(body("level", "COMMUNE", "name", "Xã kế thừa", "parentId", otherDistrict,
                "validFrom", "2024-01-01"));
        String successorB = register(body("level", "COMMUNE", "name", "Xã kế thừa B", "parentId", otherDistrict,
                "validFrom", "2024-01-01"));
        String split = register(body("level", "COMMUNE", "name", "Xã chia tách", "parentId", district,
                "validFrom", "1997-01-01"));
        String planned = register(body("level", "COMMUNE", "name", "Xã có kế hoạch", "parentId", district,
                "validFrom", "1997-01-01"));
        JsonHttp.Response plan = http().post("/api/units/" + planned + "/plans", body("number", "1/KH-UBND",
                "adoptedOn", "2024-03-05", "year", 2024, "tasks", List.of(body("id", "task-1",
                        "description", "Nhiệm vụ kiểm thử", "dueDate", "2024-04-05"))));
        assertThat(plan.status()).as(plan.toString()).isEqualTo(201);
        String planId = plan.json().path("planId").asString();
        List<HostileInputs.Endpoint> endpoints = List.of(
                post("/api/units/{id}/plans", body("id", FRESH_UUID, "number", "30/KH-UBND",
                        "title", "Kế hoạch kiểm thử", "adoptedOn", "2024-03-05", "signer", "Chủ tịch UBND xã",
                        "year", 2024,
                        "targets", List.of(body("id", "income", "criteriaSetCode", "VN-XA-NTMNC-2021-2025",
                                "indicatorCode", "10.1", "description", "Thu nhập", "comparator", ">=", "value", 54,
                                "unit", "triệu đồng", "dueDate", "2024-12-31")),
                        "roadmap", List.of(body("id", "km", "unitId", village, "level", "MODEL",
                                "dueDate", "2024-12-31")),
                        "tasks", List.of(body("id", "t1", "description", "Các thôn lập kế hoạch",
                                "dueDate", "2024-04-05", "responsibleOffice", "Ban phát triển thôn")),
                        "assignments", List.of(body("office", "Công chức Văn hóa - xã hội",
                                "criterionCodes", List.of("16"))),
                        "rewards", List.of(body("id", "r1", "level", "MODEL", "unitLevel", "VILLAGE",
                                "amount", 10000000, "budgetSource", "Ngân sách huyện"))))
                        .with("id", commune).required("number", "adoptedOn", "year")
                        .lenient("number", "title", "signer", "targets.description", "targets.unit", "tasks.description",
                                "tasks.responsibleOffice", "assignments.office", "rewards.budgetSource")
                        .blankIsAbsent("id").pastDates("adoptedOn"),
                get("/api/units/{id}/plans").with("id", commune),
                get("/api/plans/{id}").with("id", planId),
                post("/api/plans/{plan}/tasks/{task}/completion", body("completedOn", "2024-04-01", "note", "Xong"))
                        .with("plan", planId).with("task", "task-1").required("completedOn").lenient("note", "task")
                        .pastDates("completedOn"),
                get("/api/deadlines?unitId={unit?}&status={status?}").with("unit", commune).with("status", "OPEN"),
                post("/api/units/{id}/recognitions", body("level", "MODEL", "criteriaSetCode", "VN-XA-NTMKM-2021-2025",
                        "requestedOn", "2024-10-01", "noOverdueConstructionDebt", true, "evidence", List.of("Hồ sơ")))
                        .with("id", village).required("level", "criteriaSetCode", "requestedOn",
                                "noOverdueConstructionDebt").lenient("criteriaSetCode", "evidence")
                        .pastDates("requestedOn").validRequestIsRefused(), // no criteria status has arrived
                get("/api/units/{id}/recognitions").with("id", village),
                get("/api/recognitions/{id}").with("id", FRESH_UUID).validRequestIsRefused(),
                post("/api/recognitions/{id}/steps", body("step", "PUBLIC_COMMENT", "on", "2024-10-05",
                        "by", "UBND xã", "passed", true)).with("id", FRESH_UUID)
                        .required("step", "on", "by", "passed").lenient("by", "id").pastDates("on")
                        .validRequestIsRefused(),
                post("/api/recognitions/{id}/survey", body("on", "2024-10-10", "by", "MTTQ", "passed", true,
                        "villages", List.of(body("unitId", village, "householdsSurveyed", 100,
                                "householdsSatisfied", 90)))).with("id", FRESH_UUID)
                        .required("on", "by", "passed", "villages").lenient("by", "id").pastDates("on")
                        .validRequestIsRefused(),
                post("/api/recognitions/{id}/decision", body("decisionNumber", "1/QĐ-UBND", "decidedOn", "2024-11-01",
                        "authority", "Chủ tịch UBND tỉnh")).with("id", FRESH_UUID)
                        .required("decisionNumber", "decidedOn", "authority").lenient("decisionNumber", "authority", "id")
                        .pastDates("decidedOn").validRequestIsRefused(),
                post("/api/recognitions/{id}/revocation", body("decisionNumber", "2/QĐ-UBND", "decidedOn", "2025-01-01",
                        "authority", "Chủ tịch UBND tỉnh")).with("id", FRESH_UUID)
                        .required("decisionNumber", "decidedOn", "authority").lenient("decisionNumber", "authority", "id")
                        .pastDates("decidedOn").validRequestIsRefused(),
                get("/api/units/{id}/criteria-standing?criteriaSet={set}").with("id", village)
                        .with("set", "VN-XA-NTMKM-2021-2025").lenient("set").validRequestIsRefused(),
                post("/api/units/{id}/renames", body("name", "Xã " + FRESH, "validFrom", "2024-01-01",
                        "legalBasis", "Nghị quyết kiểm thử")).with("id", renamed)
                        .required("name", "validFrom", "legalBasis").lenient("name", "legalBasis")
                        .pastDates("validFrom"),
                post("/api/units/{id}/moves", body("parentId", otherDistrict, "validFrom", "2024-01-01",
                        "legalBasis", "Nghị quyết kiểm thử")).with("id", moved)
                        .required("parentId", "validFrom", "legalBasis").lenient("legalBasis")
                        .references("parentId").pastDates("validFrom"),
                post("/api/units/{id}/attribute-changes", body("region", "DBSH", "communeGroup", 2,
                        "specialStatus", "ESPECIALLY_DISADVANTAGED", "validFrom", "2024-01-01",
                        "legalBasis", "Quyết định kiểm thử")).with("id", commune)
                        .required("validFrom", "legalBasis").lenient("legalBasis").pastDates("validFrom"),
                post("/api/units/{id}/dissolution", body("validFrom", "2024-01-01", "legalBasis", "Nghị quyết kiểm thử"))
                        .with("id", village).required("validFrom", "legalBasis").lenient("legalBasis")
                        .pastDates("validFrom"),
                post("/api/mergers", body("sourceIds", List.of(moved), "successorId", successor,
                        "validFrom", "2024-06-01", "legalBasis", "Nghị quyết kiểm thử"))
                        .required("sourceIds", "successorId", "validFrom", "legalBasis").lenient("legalBasis")
                        .references("successorId").pastDates("validFrom"),
                post("/api/splits", body("sourceId", split, "validFrom", "2024-06-01", "legalBasis",
                        "Nghị quyết kiểm thử", "shares", List.of(body("successorId", successor, "unitIds", List.of()),
                                body("successorId", successorB, "unitIds", List.of()))))
                        .required("sourceId", "shares", "validFrom", "legalBasis").lenient("legalBasis")
                        .references("sourceId").pastDates("validFrom"),
                get("/api/units?on={on?}").with("on", "2024-06-01").dates("on"),
                get("/api/units/{id}?on={on?}").with("id", commune).with("on", "2024-06-01").dates("on"),
                get("/api/units/{id}/versions").with("id", commune),
                post("/api/units", body("level", "PROVINCE", "name", "Tỉnh " + FRESH, "validFrom", "2024-01-01",
                        "region", "DBSH", "legalBasis", "Nghị quyết kiểm thử"))
                        .label("province").required("level", "name", "validFrom").lenient("name", "legalBasis")
                        .pastDates("validFrom"),
                post("/api/units", body("id", FRESH_UUID, "level", "COMMUNE", "name", "Xã " + FRESH,
                        "parentId", district, "validFrom", "2024-01-01", "communeGroup", 2,
                        "specialStatus", "ESPECIALLY_DISADVANTAGED"))
                        .label("commune").required("level", "name", "parentId", "validFrom").lenient("name")
                        .blankIsAbsent("id")
                        .references("parentId").pastDates("validFrom"),
                post("/api/units", body("level", "VILLAGE", "name", "Thôn " + FRESH, "parentId", commune,
                        "validFrom", "2024-01-01"))
                        .label("village").required("level", "name", "parentId", "validFrom").lenient("name")
                        .references("parentId").pastDates("validFrom"),
                get("/api/units"),
                get("/api/units/{id}").with("id", commune),
                get("/api/nothing").validRequestIsRefused(),
                get("/api/units/{id}/nothing").with("id", commune).validRequestIsRefused(),
                get("/api/dead-letters"),
                get("/api/dead-letters/{topic}/{partition}/{offset}").with("topic", "ntm.criteria.dlq.village")
                        .with("partition", "0").with("offset", "999999").validRequestIsRefused(),
                post("/api/dead-letters/{topic}/{partition}/{offset}/replay").with("topic", "ntm.criteria.dlq.village")
                        .with("partition", "0").with("offset", "999999").validRequestIsRefused(),
                get("/api/dead-letters/event-handlers"),
                get("/api/dead-letters/event-handlers/{processingGroup}/{id}").with("processingGroup", "plans")
                        .with("id", FRESH_UUID).validRequestIsRefused(),
                post("/api/dead-letters/event-handlers/{processingGroup}/{id}/replay")
                        .with("processingGroup", "plans").with("id", FRESH_UUID).validRequestIsRefused());
        // names are free text: a hostile one may be registered (verbatim, see below); a blank id means "choose one"
        return HostileInputs.tests(http(), service.context(), endpoints, tables::take, this::settled);
    }

    @Test
    void theSameNameInNfdAfterNfcIsTheSameNameAndRefusedAsTaken() {
        assertThat(HostileInputs.NFC_SONG_VAN).isNotEqualTo(HostileInputs.NFD_SONG_VAN);
        String province = register(body("level", "PROVINCE", "name", "Tỉnh " + UUID.randomUUID(),
                "validFrom", "1997-01-01"));
        String district = register(body("level", "DISTRICT", "name", "Tân Yên", "parentId", province,
                "validFrom", "1997-01-01"));
        register(body("level", "COMMUNE", "name", HostileInputs.NFC_SONG_VAN, "parentId", district,
                "validFrom", "1997-01-01"));
        Map<String, String> before = settled();

        for (String sameName : List.of(HostileInputs.NFD_SONG_VAN, "SONG VA\u0302N", "  Song   Va\u0302n ")) {
            JsonHttp.Response again = http().post("/api/units", body("level", "COMMUNE", "name", sameName,
                    "parentId", district, "validFrom", "1997-01-01"));
            assertThat(again.status()).as(sameName + ": " + again).isEqualTo(409);
            assertThat(HostileInputs.problemFault(again)).as(again.toString()).isEmpty();
            assertThat(again.problemType()).isEqualTo("name-taken");
            assertThat(again.json().path("field").asString()).isEqualTo("name");
        }
        assertThat(tables.take()).as(() -> TableSnapshot.difference(before, tables.take())).isEqualTo(before);
    }

    @Test
    void injectionInAFreeTextFieldIsStoredAsPlainText() {
        String province = register(body("level", "PROVINCE", "name", "Tỉnh " + UUID.randomUUID(),
                "validFrom", "1997-01-01", "legalBasis", HostileInputs.SCRIPT_INJECTION));
        String district = register(body("level", "DISTRICT", "name", HostileInputs.SQL_INJECTION,
                "parentId", province, "validFrom", "1997-01-01"));

        assertThat(http().get("/api/units/" + district).json().path("name").asString())
                .isEqualTo(HostileInputs.SQL_INJECTION);
        assertThat(http().get("/api/units/" + province).json().path("legalBasis").asString())
                .isEqualTo(HostileInputs.SCRIPT_INJECTION);
        assertThat(service.jdbc().queryForObject("select count(*) from unit_directory", Long.class))
                .as("the table is still there").isPositive();
    }

    private String register(Map<String, Object> body) {
        JsonHttp.Response response = http().post("/api/units", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().path("id").asString();
    }

    /** Every table once nothing moves any more (the units registered above are still being projected). */
    private Map<String, String> settled() {
        return await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50)).atMost(Duration.ofMinutes(1))
                .until(tables.quiet(), Objects::nonNull);
    }
}
