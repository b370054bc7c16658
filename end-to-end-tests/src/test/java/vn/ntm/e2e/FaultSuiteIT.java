package vn.ntm.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import vn.ntm.launcher.Platform;
import vn.ntm.testing.JsonHttp;

/**
 * The fault suite: while commands keep coming, the Kafka broker is restarted, PostgreSQL is restarted under all three
 * services (their connection pools must reconnect), and the two consuming services are killed with SIGKILL and
 * started again. Afterwards every event in each service's event store must be reflected
 * exactly once downstream — 0 lost, 0 duplicated. Bounded: a fixed number of commands, each fault once.
 */
class FaultSuiteIT {

    private static final String SET = "VN-XA-NTMNC-2021-2025";
    /** One command every 200 ms, alternating the two services, for as long as the faults last. */
    private static final Duration PACE = Duration.ofMillis(200);

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
        long suiteStarted = System.nanoTime();
        int unitsBeforeDatabaseCameBack = 0;
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        pacer.scheduleAtFixedRate(stream::sendNext, 0, PACE.toMillis(), TimeUnit.MILLISECONDS);
        try {
            System.out.println("[fault suite] restarting the Kafka broker");
            platform.kafka().stop();
            platform.kafka().start();
            System.out.println("[fault suite] restarting PostgreSQL (every service's database) while commands arrive");
            Duration away = platform.postgres().restart();
            unitsBeforeDatabaseCameBack = stream.units.get();
            System.out.printf("[fault suite] PostgreSQL was away for %d ms%n", away.toMillis());
            System.out.println("[fault suite] kill -9 reporting-service while it consumes, then start it again");
            platform.reporting().kill();
            platform.reporting().start();
            platform.reporting().awaitReady(Duration.ofSeconds(180));
            System.out.println("[fault suite] kill -9 criteria-service while it consumes and publishes, then start it again");
            platform.criteria().kill();
            platform.criteria().start();
            platform.criteria().awaitReady(Duration.ofSeconds(180));
        } finally {
            pacer.shutdown();
            assertThat(pacer.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
        System.out.printf("[fault suite] accepted: %d unit registrations, %d measurements; refused while a service"
                + " was down: %d%n", stream.units.get(), stream.measurements.get(), stream.refused.get());
        assertThat(stream.units.get()).as("village-service kept accepting throughout").isGreaterThan(20);
        assertThat(stream.units.get()).as("village-service reconnected to the restarted database")
                .isGreaterThan(unitsBeforeDatabaseCameBack);
        assertThat(stream.refused.get()).as("some commands met a killed service: the faults overlapped the stream")
                .isGreaterThan(0);

        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            Figures f = reconcile(platform);
            assertThat(f.reportingUnits).as("units: village store vs reporting").isEqualTo(f.villageUnits);
            assertThat(f.criteriaUnits).as("units: village store vs criteria").isEqualTo(f.villageUnits);
            assertThat(f.reportingMeasurements).as("measurements: criteria store vs reporting")
                    .isEqualTo(f.criteriaMeasurements);
            assertThat(f.reportingStatusChanges).as("status changes: criteria store vs reporting")
                    .isEqualTo(f.criteriaStatusChanges);
        });
        Figures f = reconcile(platform);
        int deadLetters = RunningPlatform.criteria().get("/api/dead-letters").json().size()
                + RunningPlatform.reporting().get("/api/dead-letters").json().size();
        assertThat(deadLetters).as("no fault pushed a good message aside as a dead letter").isZero();
        System.out.printf("[fault suite] reconciled: units %d = %d (reporting) = %d (criteria); measurements %d = %d;"
                        + " indicator status changes %d = %d; dead letters %d; lost 0, duplicated 0; %d s in all%n",
                f.villageUnits, f.reportingUnits, f.criteriaUnits, f.criteriaMeasurements, f.reportingMeasurements,
                f.criteriaStatusChanges, f.reportingStatusChanges, deadLetters,
                Duration.ofNanos(System.nanoTime() - suiteStarted).toSeconds());
    }

    /** Alternates unit registrations (village-service, never killed) and measurements (criteria-service, killed). */
    private static final class CommandStream {
        private final String commune;
        private final AtomicInteger sent = new AtomicInteger();
        private final AtomicInteger units = new AtomicInteger();
        private final AtomicInteger measurements = new AtomicInteger();
        private final AtomicInteger refused = new AtomicInteger();

        CommandStream(String commune) {
            this.commune = commune;
        }

        void sendNext() {
            int i = sent.getAndIncrement();
            try {
                if (i % 2 == 0) {
                    count(RunningPlatform.village().post("/api/units", Map.of("level", "VILLAGE",
                            "name", String.format("Thôn kiểm thử %04d", i), "parentId", commune,
                            "validFrom", "2024-01-01")), units);
                } else {
                    count(RunningPlatform.criteria().post("/api/units/" + commune + "/measurements", Map.of(
                            "criteriaSet", SET, "indicatorCode", "4.2", "value", 90 + i % 10,
                            "validOn", LocalDate.of(2022, 4, 1).plusDays(i).toString())), measurements);
                }
            } catch (RuntimeException serviceDown) {
                refused.incrementAndGet();
            }
        }

        private void count(JsonHttp.Response response, AtomicInteger accepted) {
            (response.status() == 201 ? accepted : refused).incrementAndGet();
        }
    }

    private record Figures(long villageUnits, long reportingUnits, long criteriaUnits, long criteriaMeasurements,
                           long reportingMeasurements, long criteriaStatusChanges, long reportingStatusChanges) {
    }

    private static Figures reconcile(Platform platform) throws SQLException {
        return new Figures(
                count(platform, "village", "select count(*) from domain_event_entry where payload_type like '%UnitRegistered'"),
                count(platform, "reporting", "select count(*) from unit_view"),
                count(platform, "criteria", "select count(*) from known_unit"),
                count(platform, "criteria", "select count(*) from domain_event_entry where payload_type like '%MeasurementRecorded'"),
                count(platform, "reporting", "select count(*) from measurement_history"),
                count(platform, "criteria", "select count(*) from domain_event_entry where payload_type like '%IndicatorStatusChanged'"),
                count(platform, "reporting", "select count(*) from status_history"));
    }

    private static long count(Platform platform, String service, String sql) throws SQLException {
        String database = platform.settings().database(service);
        try (Connection connection = DriverManager.getConnection(platform.postgres().jdbcUrl(database),
                platform.postgres().user(), platform.postgres().password());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String created(JsonHttp.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().path("id").asString();
    }
}
