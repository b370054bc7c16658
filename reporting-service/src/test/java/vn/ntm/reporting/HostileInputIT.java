package vn.ntm.reporting;

import static vn.ntm.testing.HostileInputs.get;
import static vn.ntm.testing.HostileInputs.post;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import vn.ntm.testing.HostileInputs;
import vn.ntm.testing.JsonHttp;
import vn.ntm.testing.ServiceIntegrationTest;
import vn.ntm.testing.ServiceUnderTest;

/**
 * The hostile-input corpus ({@link HostileInputs}) against every endpoint of reporting-service: each bad variant of a
 * valid request is a 4xx problem detail and writes nothing to the read models (only Kafka events may write them). A
 * context of its own, so that no event another test sends is folded in while the row counts are compared.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = "ntm.test.suite=hostile-input")
@DirtiesContext
class HostileInputIT {

    private final ServiceUnderTest service;

    HostileInputIT(ServiceUnderTest service) {
        this.service = service;
    }

    @TestFactory
    Stream<DynamicNode> everyEndpointRefusesHostileInputAndWritesNothing() {
        List<HostileInputs.Endpoint> endpoints = List.of(
                get("/api/units"),
                get("/api/units/{unitId}/history").with("unitId", UUID.randomUUID().toString())
                        .validRequestIsRefused(),
                get("/api/units?asOf={asOf?}&knownAt={knownAt?}").with("asOf", "2024-12-31")
                        .with("knownAt", "2025-01-01T00:00:00Z").dates("asOf"),
                get("/api/units/{unitId}/versions").with("unitId", UUID.randomUUID().toString())
                        .validRequestIsRefused(),
                get("/api/units/{unitId}/timeline?indicator={indicator?}").with("unitId", UUID.randomUUID().toString())
                        .with("indicator", "4.2").validRequestIsRefused(),
                get("/api/matrix?asOf={asOf?}&knownAt={knownAt?}").with("asOf", "2024-12-31")
                        .with("knownAt", "2025-01-01T00:00:00Z").dates("asOf"),
                get("/api/matrix?unit={unit?}").with("unit", UUID.randomUUID().toString()).validRequestIsRefused(),
                get("/api/matrix?indicators={indicators?}&depth={depth?}").with("indicators", "true")
                        .with("depth", "1"),
                get("/api/changes?from={from}&to={to}").with("from", "2024-01-01").with("to", "2026-01-01")
                        .dates("from", "to"),
                get("/api/progress?asOf={asOf?}").with("asOf", "2024-12-31").dates("asOf"),
                get("/api/deadlines?asOf={asOf?}").with("asOf", "2024-12-31").dates("asOf"),
                get("/api/recognitions?asOf={asOf?}").with("asOf", "2024-12-31").dates("asOf"),
                get("/api/exports/matrix.{format}?asOf={asOf?}").with("format", "xlsx").with("asOf", "2024-12-31")
                        .dates("asOf"),
                get("/api/exports/progress-report.{format}?unit={unit}").with("format", "csv")
                        .with("unit", UUID.randomUUID().toString()).validRequestIsRefused(),
                get("/api/replay"),
                get("/api/replay/sources"),
                get("/api/replay/comparison"),
                get("/api/feed"), // server-sent events: only its wrong method and Accept variants are sent
                get("/api/dead-letters"),
                get("/api/dead-letters/{topic}/{partition}/{offset}").with("topic", "ntm.units.dlq.reporting")
                        .with("partition", "0").with("offset", "999999").validRequestIsRefused(),
                post("/api/dead-letters/{topic}/{partition}/{offset}/replay").with("topic", "ntm.criteria.dlq.reporting")
                        .with("partition", "0").with("offset", "999999").validRequestIsRefused(),
                get("/api/nothing").validRequestIsRefused());
        return HostileInputs.tests(service.http(), endpoints, this::rows);
    }

    private Map<String, Long> rows() {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : List.of("processed_event", "unit_view")) {
            rows.put(table, service.jdbc().queryForObject("select count(*) from " + table, Long.class));
        }
        return rows;
    }
}
