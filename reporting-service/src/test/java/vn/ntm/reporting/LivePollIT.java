package vn.ntm.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import vn.ntm.contracts.Actor;
import vn.ntm.contracts.CriteriaSetStatusChanged;
import vn.ntm.contracts.CriterionStatusChanged;
import vn.ntm.contracts.Envelope;
import vn.ntm.contracts.IndicatorStatusChanged;
import vn.ntm.contracts.StatusCause;
import vn.ntm.contracts.UnitRef;
import vn.ntm.testing.JsonHttp;
import vn.ntm.testing.KafkaTopics;
import vn.ntm.testing.ServiceIntegrationTest;
import vn.ntm.testing.ServiceUnderTest;

/**
 * The live consumers fold a whole poll in one transaction, and a record that cannot be folded costs nothing of the
 * rest: on a real broker (the poll is made by stopping the binding, sending, starting it again) and real PostgreSQL.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = "ntm.test.suite=live-poll")
@DirtiesContext
class LivePollIT {

    private static final Actor OFFICER = new Actor("can-bo@songvan", "commune-officer", null);
    private static final String TOPIC = "ntm.criteria";
    private static final LocalDate FORM_DATE = LocalDate.of(2024, 3, 5);
    private static final List<String> BINDINGS = List.of("criteriaEvents-in-0", "unitEvents-in-0");

    @Autowired
    DataSource dataSource;
    @Autowired
    BindingsLifecycleController bindings;

    private final ServiceUnderTest service;

    LivePollIT(ServiceUnderTest service) {
        this.service = service;
    }

    @Test
    void aPoisonInAPollIsDeadLetteredTheGoodRecordsAreFoldedOnceAndTheRedeliveredPollChangesNothing()
            throws Exception {
        String unit = UUID.randomUUID().toString();
        // a form of two indicators: both met, and with them the criterion and the set
        List<Envelope<?>> good = form(unit, "4.1", "4.2");
        Envelope<?> refusedByTheDatabase = indicator(unit, "POISON");
        String live = service.jdbc().queryForObject("select live_schema from read_model_generation", String.class);
        // a real PostgreSQL refusal that an operator can lift, as a fold that fails on one record only would be
        service.jdbc().execute("alter table " + live + ".status_history add constraint refuse_poison_for_test"
                + " check (indicator_code <> 'POISON')");
        List<JsonNode> lettersBefore = letters();

        List<RecordMetadata> sent = sendAsOnePoll(unit, List.of(json(good.get(0)), json(good.get(1)),
                "{\"eventId\": \"" + UUID.randomUUID() + "\", \"eventType\": \"Indicat", json(good.get(2)),
                json(refusedByTheDatabase), json(good.get(3))));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(statusChanges(unit))
                .as("the good records, the last one after the poison's retries").isEqualTo(4));
        List<JsonNode> letters = newLetters(lettersBefore);
        assertThat(letters).hasSize(2);
        assertThat(letters).allSatisfy(letter -> {
            assertThat(letter.path("topic").asString()).isEqualTo("ntm.criteria.dlq.reporting");
            assertThat(letter.path("originalTopic").asString()).isEqualTo(TOPIC);
            assertThat(letter.path("key").asString()).isEqualTo(unit);
        });
        assertThat(letters).extracting(l -> l.path("exception").asString()).containsExactlyInAnyOrder(
                "vn.ntm.support.messaging.UndecodableEvent",
                "org.springframework.dao.DataIntegrityViolationException");
        JsonNode refused = letters.stream().filter(l -> l.path("exceptionMessage").asString()
                .contains("refuse_poison_for_test")).findFirst().orElseThrow();
        assertThat(refused.path("payload").asString()).contains(refusedByTheDatabase.eventId().toString());
        assertThat(processed(refusedByTheDatabase)).as("a failed fold leaves no mark").isZero();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(announced(unit))
                .as("each good record announced once, after its commit").hasSize(4).doesNotHaveDuplicates());

        service.jdbc().execute("alter table " + live + ".status_history drop constraint refuse_poison_for_test");
        assertThat(http().post("/api/dead-letters/" + where(refused) + "/replay", "").status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(statusChanges(unit))
                .as("replayed once its cause was lifted").isEqualTo(5));

        TopicPartition partition = new TopicPartition(TOPIC, sent.get(0).partition());
        redeliverFrom(partition, sent.get(0).offset());
        assertThat(statusChanges(unit)).as("the redelivered poll folded nothing twice").isEqualTo(5);
        assertThat(processed(refusedByTheDatabase)).isEqualTo(1);
        assertThat(announced(unit)).as("nor announced anything twice").hasSize(5).doesNotHaveDuplicates();
        assertThat(newLetters(lettersBefore)).as("the undecodable record, dead-lettered again").hasSize(3);
    }

    @Test
    void aFoldThatGivesUpOnALockIsRetriedNotDeadLettered() throws Exception {
        String unit = UUID.randomUUID().toString();
        String live = service.jdbc().queryForObject("select live_schema from read_model_generation", String.class);
        List<JsonNode> lettersBefore = letters();
        try (Connection holder = dataSource.getConnection(); Statement statement = holder.createStatement()) {
            holder.setAutoCommit(false);
            statement.execute("lock table " + live + ".status_history in access exclusive mode");
            sendAsOnePoll(unit, form(unit, "4.1", "4.2").stream().map(this::json).toList());

            Instant firstWait = waitingOnALock(Instant.EPOCH);
            // what a lock timeout or an administrator does: the statement waiting for the lock is ended
            assertThat(service.jdbc().queryForObject("""
                    select bool_and(pg_cancel_backend(pid)) from pg_stat_activity
                    where datname = current_database() and wait_event_type = 'Lock'""", Boolean.class)).isTrue();
            waitingOnALock(firstWait);
            holder.rollback();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(statusChanges(unit)).isEqualTo(4));
        assertThat(newLetters(lettersBefore)).as("a lock is the database's, not the record's").isEmpty();
    }

    /** Waits for the consumer's fold to wait on a lock in a transaction begun after {@code after}. */
    private Instant waitingOnALock(Instant after) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> service.jdbc().queryForList("""
                        select xact_start from pg_stat_activity
                        where datname = current_database() and wait_event_type = 'Lock'""", java.sql.Timestamp.class)
                .stream().map(java.sql.Timestamp::toInstant).filter(start -> start.isAfter(after)).findFirst()
                .orElse(null), start -> start != null);
    }

    /** Sends the records while the consumers are stopped, so that they arrive as one poll. */
    private List<RecordMetadata> sendAsOnePoll(String key, List<String> values) throws Exception {
        BINDINGS.forEach(bindings::stop);
        List<RecordMetadata> sent = new ArrayList<>();
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, service.brokers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            values.forEach(value -> sends.add(producer.send(new ProducerRecord<>(TOPIC, key, value))));
            for (Future<RecordMetadata> send : sends) {
                sent.add(send.get());
            }
        }
        BINDINGS.forEach(bindings::start);
        return sent;
    }

    /**
     * Delivers the partition again from {@code offset}, as after a crash between the fold's commit and the offset
     * commit, and waits until the consumer group has committed past its end again.
     */
    private void redeliverFrom(TopicPartition partition, long offset) throws Exception {
        BINDINGS.forEach(bindings::stop);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, service.brokers()))) {
            admin.alterConsumerGroupOffsets("reporting-service",
                    Map.of(partition, new OffsetAndMetadata(offset))).all().get();
            long end = admin.listOffsets(Map.of(partition, org.apache.kafka.clients.admin.OffsetSpec.latest()))
                    .partitionResult(partition).get().offset();
            BINDINGS.forEach(bindings::start);
            await().atMost(Duration.ofSeconds(60)).until(() -> committed(admin, partition) >= end);
        }
    }

    private static long committed(Admin admin, TopicPartition partition)
            throws InterruptedException, ExecutionException {
        OffsetAndMetadata offset = admin.listConsumerGroupOffsets("reporting-service")
                .partitionsToOffsetAndMetadata().get().get(partition);
        return offset == null ? -1 : offset.offset();
    }

    /** The unit's status stretches: indicators, criteria, sets. */
    private long statusChanges(String unit) {
        return service.jdbc().queryForObject("""
                select (select count(*) from status_history where unit_id = ?::uuid)
                     + (select count(*) from rollup_status_history where unit_id = ?::uuid)""", Long.class, unit,
                unit);
    }

    private long processed(Envelope<?> event) {
        return service.jdbc().queryForObject("select count(*) from processed_event where event_id = ?", Long.class,
                event.eventId());
    }

    /** The ids of the dashboard updates on {@code ntm.dashboard} about the unit. */
    private List<String> announced(String unit) {
        return KafkaTopics.read(service.brokers(), "ntm.dashboard", Integer.MAX_VALUE, Duration.ofSeconds(2)).stream()
                .filter(r -> unit.equals(r.key())).map(r -> JsonHttp.parse(r.value()).path("eventId").asString())
                .toList();
    }

    private List<JsonNode> letters() {
        List<JsonNode> letters = new ArrayList<>();
        http().get("/api/dead-letters").json().forEach(letters::add);
        return letters;
    }

    /** The dead letters that are not among {@code before}. */
    private List<JsonNode> newLetters(List<JsonNode> before) {
        List<String> known = before.stream().map(LivePollIT::where).toList();
        return letters().stream().filter(letter -> !known.contains(where(letter))).toList();
    }

    private static String where(JsonNode letter) {
        return letter.path("topic").asString() + "/" + letter.path("partition").asInt() + "/"
                + letter.path("offset").asLong();
    }

    private JsonHttp http() {
        return service.http();
    }

    private String json(Envelope<?> envelope) {
        return new String(service.codec().encode(envelope), StandardCharsets.UTF_8);
    }

    /**
     * What criteria-service publishes for a unit's first form on the first day of TEST-SET (criterion 4 of these
     * indicators): each indicator met from that day on, and with them the criterion and the set.
     */
    private static List<Envelope<?>> form(String unit, String... indicators) {
        List<Envelope<?>> form = new ArrayList<>();
        for (String indicator : indicators) {
            form.add(indicator(unit, indicator));
        }
        StatusCause cause = new StatusCause(StatusCause.MEASUREMENT_RECORDED, "m-" + UUID.randomUUID(),
                indicators[indicators.length - 1], FORM_DATE);
        form.add(stretch(unit, new CriterionStatusChanged("TEST-SET", "4", "MET", null, 1, cause)));
        form.add(stretch(unit, new CriteriaSetStatusChanged("TEST-SET", "MET", null, 1, 1, List.of(), 1, cause)));
        return form;
    }

    private static Envelope<IndicatorStatusChanged> indicator(String unit, String indicator) {
        String measurement = "m-" + UUID.randomUUID();
        return stretch(unit, new IndicatorStatusChanged("TEST-SET", "4", indicator, "MET", null,
                new BigDecimal("100"), "GE", new BigDecimal("98"), "%", true, "test", measurement, 1,
                new StatusCause(StatusCause.MEASUREMENT_RECORDED, measurement, indicator, FORM_DATE)));
    }

    private static <P extends vn.ntm.contracts.IntegrationPayload> Envelope<P> stretch(String unit, P payload) {
        return Envelope.of(UUID.randomUUID(), FORM_DATE, Instant.now(), OFFICER, unit,
                List.of(new UnitRef(unit, "COMMUNE", "Xã thử lô")), payload);
    }
}
