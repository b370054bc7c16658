package vn.ntm.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import vn.ntm.launcher.Platform;
import vn.ntm.testing.JsonHttp;

/**
 * The fault suite: while commands keep coming, the Kafka broker is restarted, PostgreSQL is restarted under all three
 * services (their connection pools must reconnect), and the two consuming services are killed with SIGKILL — each
 * at a moment its consumer group is behind the log end, records in flight — and started again. The client keeps a
 * ledger of every command: answered 2xx (with the ids the answer named), refused, or of unknown outcome. Afterwards
 * the ledger is reconciled by id with each event store (every accepted command stored once, nothing refused stored,
 * an unknown one stored wholly or not at all) and every table downstream — reporting's units, measurements and the
 * indicator, criterion and set status histories, criteria-service's known units, village-service's criteria
 * standings and each consumer's processed events: 0 lost, 0 duplicated, 0 phantoms (see {@link Reconciliation}).
 * Bounded: a fixed pace, each fault once, bursts of {@value #BURST} commands to time the kills.
 */
class FaultSuiteIT {

    private static final String SET = "VN-XA-NTMNC-2021-2025";
    /** One command every 200 ms, alternating the two services, for as long as the faults last. */
    private static final Duration PACE = Duration.ofMillis(200);
    /** Commands sent at once, four at a time, so a consumer has records in flight when it is killed. */
    private static final int BURST = 40;

    @Test
    void nothingAcceptedIsLostOrDuplicatedWhenTheBrokerAndDatabaseRestartAndConsumersAreKilled() throws Exception {
        Platform platform = RunningPlatform.get();
        JsonHttp village = RunningPlatform.village();
        String province = created(village.post("/api/units", Map.of("level", "PROVINCE",
                "name", "Tỉnh kiểm thử sự cố", "validFrom", "2024-01-01", "region", "TDMNPB")));
        String commune = created(village.post("/api/units", Map.of("level", "COMMUNE", "name", "Xã kiểm thử sự cố",
                "parentId", province, "validFrom", "2024-01-01")));
        RunningPlatform.criteria().post("/api/criteria-sets/shipped/" + SET, "");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> RunningPlatform.criteria().get("/api/units/" + commune).status() == 200);

        CommandStream stream = new CommandStream(commune);
        stream.ledger.units.accept(province, province);
        stream.ledger.units.accept(commune, commune);
        long suiteStarted = System.nanoTime();
        int unitsBeforeDatabaseCameBack;
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        pacer.scheduleAtFixedRate(stream::sendNext, 0, PACE.toMillis(), TimeUnit.MILLISECONDS);
        try {
            System.out.println("[fault suite] restarting the Kafka broker");
            platform.kafka().stop();
            platform.kafka().start();
            System.out.println("[fault suite] restarting PostgreSQL (every service's database) while commands arrive");
            Duration away = platform.postgres().restart();
            unitsBeforeDatabaseCameBack = stream.ledger.units.accepted().size();
            System.out.printf("[fault suite] PostgreSQL was away for %d ms%n", away.toMillis());
            try (ConsumerLag lag = new ConsumerLag(platform.kafka().bootstrapServers())) {
                // group ids and topics: the bindings in reporting-service's and criteria-service's application.yml
                System.out.println("[fault suite] kill -9 reporting-service while its group has records in flight");
                lag.killWhileBehind(platform.reporting(), "reporting-service", Set.of("ntm.units", "ntm.criteria"),
                        stream.burst(BURST));
                platform.reporting().start();
                platform.reporting().awaitReady(Duration.ofSeconds(180));
                System.out.println("[fault suite] kill -9 criteria-service while its group has records in flight"
                        + " (and it publishes)");
                lag.killWhileBehind(platform.criteria(), "criteria-service", Set.of("ntm.units"),
                        stream.burst(BURST));
                platform.criteria().start();
                platform.criteria().awaitReady(Duration.ofSeconds(180));
            }
        } finally {
            pacer.shutdown();
            assertThat(pacer.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
        CommandLedger ledger = stream.ledger;
        System.out.printf("[fault suite] ledger: %s; %s%n", ledger.units.summary(), ledger.measurements.summary());
        assertThat(ledger.units.accepted().size()).as("village-service reconnected to the restarted database")
                .isGreaterThan(unitsBeforeDatabaseCameBack);
        assertThat(ledger.refused()).as("some commands met a killed service: the faults overlapped the stream")
                .isGreaterThan(0);
        assertThat(ledger.units.accepted()).as("each registration answered with the id the client chose")
                .allSatisfy((sent, answered) -> assertThat(answered).isEqualTo(sent));

        // everything settles downstream in the end: wait until nothing is missing, then nothing may be twice
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            Reconciliation r = Reconciliation.of(platform, ledger, SET, commune);
            assertThat(r.lost() + r.phantom()).as("lost and phantom rows so far:%n%s", r.report()).isZero();
        });
        Reconciliation r = Reconciliation.of(platform, ledger, SET, commune);
        int deadLetters = RunningPlatform.criteria().get("/api/dead-letters").json().size()
                + RunningPlatform.reporting().get("/api/dead-letters").json().size();
        System.out.printf("[fault suite] reconciliation of the ledger, by id, per table:%n%s%n", r.report());
        System.out.printf("[fault suite] lost %d, duplicated %d, phantom %d; dead letters %d; %d s in all%n",
                r.lost(), r.duplicated(), r.phantom(), deadLetters,
                Duration.ofNanos(System.nanoTime() - suiteStarted).toSeconds());
        assertThat(r.lost()).as("lost%n%s", r.report()).isZero();
        assertThat(r.duplicated()).as("duplicated%n%s", r.report()).isZero();
        assertThat(r.phantom()).as("phantoms%n%s", r.report()).isZero();
        assertThat(deadLetters).as("no fault pushed a good message aside as a dead letter").isZero();
    }

    /**
     * Alternates unit registrations (village-service, never killed) and measurements (criteria-service, killed),
     * each written down in the ledger. A unit's id is chosen by the client; a measurement's valid date is unique in
     * the stream, so a command of unknown outcome can still be looked for in the store.
     */
    private static final class CommandStream {
        private final String commune;
        private final CommandLedger ledger = new CommandLedger();
        private final AtomicInteger sent = new AtomicInteger();

        CommandStream(String commune) {
            this.commune = commune;
        }

        void sendNext() {
            int i = sent.getAndIncrement();
            if (i % 2 == 0) {
                String id = UUID.randomUUID().toString();
                ledger.units.send(id, () -> RunningPlatform.village().post("/api/units", Map.of("id", id,
                        "level", "VILLAGE", "name", String.format("Thôn kiểm thử %04d", i), "parentId", commune,
                        "validFrom", "2024-01-01")), answer -> answer.json().path("id").asString());
            } else {
                String validOn = LocalDate.of(2022, 4, 1).plusDays(i).toString();
                ledger.measurements.send(validOn, () -> RunningPlatform.criteria().post(
                        "/api/units/" + commune + "/measurements", Map.of("criteriaSet", SET, "indicatorCode", "4.2",
                                "value", 90 + i % 10, "validOn", validOn)),
                        answer -> answer.json().path("measurementId").asString());
            }
        }

        /** {@code commands} more of the stream, four at a time. */
        Runnable burst(int commands) {
            return Burst.of(this::sendNext, commands);
        }
    }

    private static String created(JsonHttp.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().path("id").asString();
    }
}
