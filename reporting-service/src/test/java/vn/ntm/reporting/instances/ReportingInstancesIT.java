package vn.ntm.reporting.instances;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;
import tools.jackson.databind.JsonNode;
import vn.ntm.contracts.Actor;
import vn.ntm.contracts.Envelope;
import vn.ntm.contracts.IndicatorStatusChanged;
import vn.ntm.contracts.IntegrationPayload;
import vn.ntm.contracts.StatusCause;
import vn.ntm.contracts.UnitRef;
import vn.ntm.contracts.UnitRegistered;
import vn.ntm.reporting.instances.ReportingInstance.Dashboard;
import vn.ntm.support.messaging.EventCodec;
import vn.ntm.testing.JsonHttp;
import vn.ntm.testing.TestDatabases;

/**
 * Two reporting-service instances on one database and one Kafka broker (ADR 18), as two application contexts in
 * this JVM: the consumer group gives each one partition of each topic, so each folds part of the events. The tests
 * run in order on the same two instances; the last one closes instance A in the middle of a replay.
 */
@EmbeddedKafka(partitions = 2, topics = {"ntm.units", "ntm.criteria"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportingInstancesIT {

    private static final Duration LEASE = Duration.ofSeconds(3);
    private static final Actor OFFICER = new Actor("can-bo@hai-may", "commune-officer", null);

    private String jdbcUrl;
    private String brokers;
    private ReportingInstance a;
    private ReportingInstance b;
    private KafkaProducer<String, byte[]> producer;
    private EventCodec codec;
    private JdbcTemplate jdbc;
    /** Every event sent: each must be folded once into the live generation. */
    private final AtomicInteger sent = new AtomicInteger();

    @BeforeAll
    void startTwoInstances() throws Exception {
        brokers = EmbeddedKafkaCondition.getBroker().getBrokersAsString();
        jdbcUrl = TestDatabases.create("reporting_instances_it");
        a = ReportingInstance.start("reporting-a", jdbcUrl, brokers, LEASE);
        b = ReportingInstance.start("reporting-b", jdbcUrl, brokers, LEASE);
        codec = b.bean(EventCodec.class);
        jdbc = b.bean(JdbcTemplate.class);
        Properties props = new Properties();
        props.put("bootstrap.servers", brokers);
        props.put("acks", "all");
        producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        // four consumers in group reporting-service (a units and a criteria consumer per instance), each holding one
        // of its topic's two partitions: each instance folds one partition of each topic
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", brokers))) {
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("reporting-service"))
                        .all().get().get("reporting-service");
                return group.members().size() == 4 && group.members().stream()
                        .allMatch(m -> m.assignment().topicPartitions().size() == 1);
            });
        }
    }

    @AfterAll
    void stopInstances() {
        if (producer != null) {
            producer.close();
        }
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
        if (jdbcUrl != null) {
            TestDatabases.drop(jdbcUrl);
        }
    }

    /**
     * Catches a feed that announces only to the dashboards of the instance that folded the change (B's dashboard
     * would miss the partitions A folds), and one that announces both locally and through the database (a
     * dashboard would hear of a change twice).
     */
    @Test
    @Order(1)
    void aDashboardHearsOnceOfEveryChangeWhicheverInstanceFoldedIt() throws Exception {
        try (Dashboard onA = a.dashboard(); Dashboard onB = b.dashboard()) {
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                for (int partition = 0; partition < 2; partition++) {
                    expected.add(sendUnit(partition));
                    expected.add(sendIndicator(partition));
                }
            }
            producer.flush();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(onB.updateIds()).containsAll(expected);
                assertThat(onA.updateIds()).containsAll(expected);
            });
            // a later change on every partition: once it is heard, any second announcement of the first ones is too
            List<String> later = List.of(sendUnit(0), sendUnit(1), sendIndicator(0), sendIndicator(1));
            producer.flush();
            expected.addAll(later);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(onB.updateIds()).containsAll(later);
                assertThat(onA.updateIds()).containsAll(later);
            });
            assertThat(onB.updateIds()).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(onA.updateIds()).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    /**
     * Catches a swap seen by one instance only (the other would keep writing into the old generation, so the new
     * live one would lack what it folds after the swap) and a catch-up that brings in only what the replaying
     * instance folded live (the other instance's partitions would be missing from the rebuilt generation). A second,
     * quiet replay rebuilds from the topics alone and must equal what the first one left live.
     */
    @Test
    @Order(2)
    void aReplayOnOneInstanceWhileBothFoldLiveLosesNothing() {
        for (int i = 0; i < 2000; i++) {
            sendUnit(i % 2);
        }
        producer.flush();
        awaitAllFolded();
        AtomicBoolean streaming = new AtomicBoolean(true);
        Thread stream = new Thread(() -> {
            for (int i = 0; streaming.get(); i++) {
                sendUnit(i % 2);
                sendIndicator(i % 2);
                producer.flush();
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
        }, "live-stream");
        stream.start();
        String liveBefore = live();
        JsonHttp.Response started = a.http().post("/api/replay", "");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String replay = started.json().path("replayId").asString();
        JsonNode done = awaitReplayOver(b, replay);
        streaming.set(false);
        join(stream);
        assertThat(done.path("state").asString()).as(done.toString()).isEqualTo("DONE");
        assertThat(done.path("instance").asString()).isEqualTo("reporting-a");
        assertThat(live()).isNotEqualTo(liveBefore);
        awaitAllFolded();

        JsonHttp.Response quiet = b.http().post("/api/replay", "");
        assertThat(quiet.status()).as(quiet.toString()).isEqualTo(202);
        assertThat(awaitReplayOver(a, quiet.json().path("replayId").asString()).path("state").asString())
                .isEqualTo("DONE");
        JsonNode comparison = a.http().get("/api/replay/comparison").json();
        assertThat(comparison.path("equal").asBoolean()).as(comparison.toString()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from processed_event", Long.class)).isEqualTo(sent.get());
    }

    /**
     * Catches a lease kept in one instance's memory (B would start a second replay into the generation A fills),
     * progress read from memory only (B would show IDLE or the last run) and a cancel that reaches only the
     * instance it is sent to. The replay is held at its start by a lock the test takes on the generation it rebuilds.
     */
    @Test
    @Order(3)
    void aReplayOnAIsRefusedOnBShownOnBAndCancelledFromB() throws Exception {
        String liveBefore = live();
        String replay;
        try (Connection hold = holdGeneration(other(liveBefore))) {
            JsonHttp.Response started = a.http().post("/api/replay", "");
            assertThat(started.status()).as(started.toString()).isEqualTo(202);
            replay = started.json().path("replayId").asString();

            JsonHttp.Response refused = b.http().post("/api/replay", "");
            assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
            assertThat(refused.problemType()).isEqualTo("replay-running");
            assertThat(refused.json().path("detail").asString()).contains(replay).contains("reporting-a")
                    .startsWith("Một lần dựng lại dữ liệu");

            JsonNode shown = b.http().get("/api/replay").json();
            assertThat(shown.path("replayId").asString()).isEqualTo(replay);
            assertThat(shown.path("state").asString()).isEqualTo("RUNNING");
            assertThat(shown.path("instance").asString()).isEqualTo("reporting-a");

            JsonHttp.Response cancelled = b.http().send("DELETE", "/api/replay", null, null);
            assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
            hold.rollback();
        }
        assertThat(awaitReplayOver(b, replay).path("state").asString()).isEqualTo("CANCELLED");
        assertThat(a.http().get("/api/replay").json().path("state").asString()).isEqualTo("CANCELLED");
        assertThat(live()).isEqualTo(liveBefore);
        assertThat(b.http().send("DELETE", "/api/replay", null, null).status()).isEqualTo(409);
    }

    /**
     * Catches a lease that never expires (no instance could replay again after the one running it died) and a
     * takeover that leaves the dead run RUNNING. A is closed while its replay is held; its pool then ends the
     * replay's connection as a dying process would, so the run's row is left RUNNING with nobody renewing it.
     */
    @Test
    @Order(4)
    void whenTheReplayingInstanceDiesItsLeaseExpiresAndAnotherInstanceReplays() throws Exception {
        String replay;
        try (Connection hold = holdGeneration(other(live()))) {
            JsonHttp.Response started = a.http().post("/api/replay", "");
            assertThat(started.status()).as(started.toString()).isEqualTo(202);
            replay = started.json().path("replayId").asString();
            a.close();
            hold.rollback();
        }
        assertThat(jdbc.queryForObject("select state from replay_run where replay_id = ?::uuid", String.class,
                replay)).isEqualTo("RUNNING");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> b.http().post("/api/replay", "").status() == 202);
        Map<String, Object> dead = jdbc.queryForMap(
                "select state, message from replay_run where replay_id = ?::uuid", replay);
        assertThat(dead.get("state")).isEqualTo("FAILED");
        assertThat((String) dead.get("message")).contains("abandoned").contains("reporting-a");
        JsonNode progress = b.http().get("/api/replay").json();
        assertThat(progress.path("instance").asString()).isEqualTo("reporting-b");
        assertThat(awaitReplayOver(b, progress.path("replayId").asString()).path("state").asString())
                .isEqualTo("DONE");
        assertThat(b.http().get("/api/replay/comparison").json().path("equal").asBoolean()).isTrue();
    }

    /** A connection that holds a lock on one of {@code generation}'s tables, so a replay into it waits at its start. */
    private Connection holdGeneration(String generation) throws Exception {
        Connection hold = DriverManager.getConnection(jdbcUrl, TestDatabases.server().user(), "");
        hold.setAutoCommit(false);
        try (Statement lock = hold.createStatement()) {
            lock.execute("lock table " + generation + ".unit_change in access share mode");
        }
        return hold;
    }

    private JsonNode awaitReplayOver(ReportingInstance instance, String replay) {
        return await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(250))
                .until(() -> instance.http().get("/api/replay").json(),
                        p -> p.path("replayId").asString().equals(replay)
                                && List.of("DONE", "FAILED", "CANCELLED").contains(p.path("state").asString()));
    }

    private void awaitAllFolded() {
        await().atMost(Duration.ofSeconds(120)).until(() -> jdbc.queryForObject(
                "select count(*) from processed_event", Long.class) == sent.get());
    }

    private String live() {
        return jdbc.queryForObject("select live_schema from read_model_generation", String.class);
    }

    private static String other(String generation) {
        return generation.equals("rm_blue") ? "rm_green" : "rm_blue";
    }

    private static void join(Thread thread) {
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A province registered on {@code partition} of ntm.units; the id of the dashboard update it makes. */
    private String sendUnit(int partition) {
        String unit = UUID.randomUUID().toString();
        String name = "Tỉnh " + unit.substring(0, 8);
        return send("ntm.units", partition, envelope(unit, new UnitRegistered("PROVINCE", name, null,
                LocalDate.of(1997, 1, 1), "TDMNPB", null, null, null)));
    }

    /** An indicator stretch of a unit on {@code partition} of ntm.criteria. */
    private String sendIndicator(int partition) {
        String unit = UUID.randomUUID().toString();
        String measurement = UUID.randomUUID().toString();
        StatusCause cause = new StatusCause(StatusCause.MEASUREMENT_RECORDED, measurement, "4.2",
                LocalDate.of(2024, 3, 5));
        return send("ntm.criteria", partition, envelope(unit, new IndicatorStatusChanged("TEST-SET", "4", "4.2",
                "NOT_MET", null, new BigDecimal("90"), "GE", new BigDecimal("98"), "%", true, "test", measurement,
                1, cause)));
    }

    private String send(String topic, int partition, Envelope<?> envelope) {
        producer.send(new ProducerRecord<>(topic, partition, envelope.key(), codec.encode(envelope)));
        sent.incrementAndGet();
        return UUID.nameUUIDFromBytes(("dashboard:" + envelope.eventId()).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static <P extends IntegrationPayload> Envelope<P> envelope(String unit, P payload) {
        return Envelope.of(UUID.randomUUID(), LocalDate.of(2024, 3, 5), Instant.now(), OFFICER, unit,
                List.of(new UnitRef(unit, "PROVINCE", "Tỉnh " + unit.substring(0, 8))), payload);
    }
}
