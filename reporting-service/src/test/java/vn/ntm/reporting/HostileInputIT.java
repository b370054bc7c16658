package vn.ntm.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.ntm.testing.HostileInputs.delete;
import static vn.ntm.testing.HostileInputs.get;
import static vn.ntm.testing.HostileInputs.post;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import vn.ntm.contracts.Actor;
import vn.ntm.contracts.CriteriaSetPublished;
import vn.ntm.contracts.Envelope;
import vn.ntm.contracts.IndicatorStatusChanged;
import vn.ntm.contracts.IntegrationPayload;
import vn.ntm.contracts.StatusCause;
import vn.ntm.contracts.UnitRef;
import vn.ntm.contracts.UnitRegistered;
import vn.ntm.testing.HostileInputs;
import vn.ntm.testing.KafkaTopics;
import vn.ntm.testing.ServiceIntegrationTest;
import vn.ntm.testing.ServiceUnderTest;
import vn.ntm.testing.TableSnapshot;

/**
 * The hostile-input corpus ({@link HostileInputs}) against every endpoint of reporting-service: each bad variant of a
 * valid request is a 4xx problem detail and writes nothing to any table (only Kafka events may write the read models).
 * A context of its own, so that no event another test sends is folded in while the tables are compared.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = "ntm.test.suite=hostile-input")
@DirtiesContext
class HostileInputIT {

    private static final Actor OFFICER = new Actor("can-bo@kiemthu", "commune-officer", null);
    private static final LocalDate FOUNDED = LocalDate.of(1997, 1, 1);

    private final ServiceUnderTest service;
    // every table (reporting has no Axon: nothing in its database moves but by a Kafka delivery or a request)
    private final TableSnapshot tables;

    HostileInputIT(ServiceUnderTest service) {
        this.service = service;
        this.tables = TableSnapshot.of(service.jdbc());
    }

    @TestFactory
    Stream<DynamicNode> everyEndpointRefusesHostileInputAndWritesNothing() {
        // real units, as village-service publishes them, so that the cases get past "unknown unit" (404) to the
        // code behind it: a province, its commune and the commune's indicator met from 2024-03-05
        String province = UUID.randomUUID().toString();
        String commune = UUID.randomUUID().toString();
        UnitRef provinceRef = new UnitRef(province, "PROVINCE", "Tỉnh kiểm thử");
        List<UnitRef> communePath = List.of(provinceRef, new UnitRef(commune, "COMMUNE", "Xã kiểm thử"));
        send("ntm.units", envelope(province, List.of(provinceRef), new UnitRegistered("PROVINCE", "Tỉnh kiểm thử",
                null, FOUNDED, "TDMNPB", null, null, null)));
        send("ntm.units", envelope(commune, communePath, new UnitRegistered("COMMUNE", "Xã kiểm thử", province,
                FOUNDED, null, null, null, null)));
        send("ntm.criteria", envelope(null, List.of(), new CriteriaSetPublished("TEST-SET", "TEST-SET", 1,
                "Bộ tiêu chí thử", "Test set", "COMMUNE", "test", LocalDate.of(2022, 3, 8), null,
                List.of(new CriteriaSetPublished.Criterion("4", "Điện", "Electricity", List.of(
                        new CriteriaSetPublished.Indicator("4.2", "Tỷ lệ hộ sử dụng điện an toàn", "Safe power",
                                "RATE", "GE", "%", List.of())))), false)));
        String measurement = UUID.randomUUID().toString();
        send("ntm.criteria", envelope(commune, communePath, new IndicatorStatusChanged("TEST-SET", "4", "4.2", "MET",
                null, new BigDecimal("100"), "GE", new BigDecimal("98"), "%", true, "test", measurement, 1,
                new StatusCause(StatusCause.MEASUREMENT_RECORDED, measurement, "4.2", LocalDate.of(2024, 3, 5)))));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(service.http()
                .get("/api/units/" + commune + "/timeline?indicator=4.2").body()).contains("MET"));

        List<HostileInputs.Endpoint> endpoints = List.of(
                get("/api/units"),
                get("/api/units/{unitId}/history").with("unitId", commune),
                get("/api/units?asOf={asOf?}&knownAt={knownAt?}").with("asOf", "2024-12-31")
                        .with("knownAt", "2025-01-01T00:00:00Z").dates("asOf"),
                get("/api/units/{unitId}/versions").with("unitId", commune),
                get("/api/units/{unitId}/timeline?indicator={indicator?}").with("unitId", commune)
                        .with("indicator", "4.2")
                        .lenient("indicator"), // a filter: an unknown indicator has no timeline (200, empty)
                get("/api/matrix?asOf={asOf?}&knownAt={knownAt?}").with("asOf", "2024-12-31")
                        .with("knownAt", "2025-01-01T00:00:00Z").dates("asOf"),
                get("/api/matrix?unit={unit?}").with("unit", commune).label("of a unit"),
                get("/api/matrix?indicators={indicators?}&depth={depth?}").with("indicators", "true")
                        .with("depth", "1").label("indicators"),
                get("/api/changes?from={from}&to={to}&unit={unit?}").with("from", "2024-01-01")
                        .with("to", "2026-01-01").with("unit", commune).dates("from", "to"),
                get("/api/progress?asOf={asOf?}&unit={unit?}").with("asOf", "2024-12-31").with("unit", commune)
                        .dates("asOf"),
                get("/api/deadlines?asOf={asOf?}&unit={unit?}").with("asOf", "2024-12-31").with("unit", commune)
                        .dates("asOf"),
                get("/api/recognitions?asOf={asOf?}&unit={unit?}").with("asOf", "2024-12-31").with("unit", commune)
                        .dates("asOf"),
                get("/api/exports/matrix.{format}?asOf={asOf?}&unit={unit?}").with("format", "xlsx")
                        .with("asOf", "2024-12-31").with("unit", commune).dates("asOf"),
                get("/api/exports/progress-report.{format}?unit={unit}").with("format", "csv").with("unit", commune),
                get("/api/replay"),
                // the corpus never sends the valid request itself: starting a replay is a write by design; its
                // wrong Accept must be refused before the replay starts (a replay_run row would show)
                post("/api/replay"),
                delete("/api/replay").validRequestIsRefused(), // no replay is running: 409
                get("/api/replay/sources"),
                get("/api/replay/comparison"),
                get("/api/feed"), // server-sent events: only its wrong method and Accept variants are sent
                get("/api/dead-letters"),
                get("/api/dead-letters/{topic}/{partition}/{offset}").with("topic", "ntm.units.dlq.reporting")
                        .with("partition", "0").with("offset", "999999").validRequestIsRefused(),
                post("/api/dead-letters/{topic}/{partition}/{offset}/replay").with("topic", "ntm.criteria.dlq.reporting")
                        .with("partition", "0").with("offset", "999999").validRequestIsRefused(),
                get("/api/nothing").validRequestIsRefused());
        return HostileInputs.tests(service.http(), service.context(), endpoints, tables::take, () -> await()
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50)).atMost(Duration.ofMinutes(1))
                .until(tables.quiet(), Objects::nonNull));
    }

    private static <P extends IntegrationPayload> Envelope<P> envelope(String unitId, List<UnitRef> path, P payload) {
        return Envelope.of(UUID.randomUUID(), LocalDate.of(2024, 3, 5), Instant.now(), OFFICER, unitId, path,
                payload);
    }

    private void send(String topic, Envelope<?> envelope) {
        KafkaTopics.send(service.brokers(), topic, envelope.key(),
                new String(service.codec().encode(envelope), StandardCharsets.UTF_8));
    }
}
