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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import vn.ntm.testing.HostileInputs;
import vn.ntm.testing.JsonHttp;
import vn.ntm.testing.ServiceIntegrationTest;

/**
 * The hostile-input corpus ({@link HostileInputs}) against every endpoint of reporting-service: each bad variant of a
 * valid request is a 4xx problem detail and writes nothing to the read models (only Kafka events may write them). A
 * context of its own, so that no event another test sends is folded in while the row counts are compared.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = "ntm.test.suite=hostile-input")
@DirtiesContext
class HostileInputIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @TestFactory
    Stream<DynamicNode> everyEndpointRefusesHostileInputAndWritesNothing() {
        List<HostileInputs.Endpoint> endpoints = List.of(
                get("/api/units"),
                get("/api/units/{unitId}/history").with("unitId", UUID.randomUUID().toString())
                        // the history of a unit never heard of is empty (200 []), not 404: a gap to close
                        .unknownIsEmpty("unitId"),
                get("/api/feed"), // server-sent events: only its wrong method and Accept variants are sent
                get("/api/dead-letters"),
                get("/api/dead-letters/{topic}/{partition}/{offset}").with("topic", "ntm.units.dlq.reporting")
                        .with("partition", "0").with("offset", "999999").validRequestIsRefused(),
                post("/api/dead-letters/{topic}/{partition}/{offset}/replay").with("topic", "ntm.criteria.dlq.reporting")
                        .with("partition", "0").with("offset", "999999").validRequestIsRefused(),
                get("/api/nothing").validRequestIsRefused());
        return HostileInputs.tests(new JsonHttp("http://localhost:" + port), endpoints, this::rows);
    }

    private Map<String, Long> rows() {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : List.of("processed_event", "unit_view")) {
            rows.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
        }
        return rows;
    }
}
