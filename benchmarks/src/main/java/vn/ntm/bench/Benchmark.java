package vn.ntm.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.ntm.launcher.Platform;
import vn.ntm.launcher.PlatformSettings;
import vn.ntm.launcher.ServiceProcess;

/**
 * One benchmark run: starts the platform as the run command does (a real Kafka broker, PostgreSQL, the three
 * services as their own processes, each in fresh databases), loads a synthetic province ({@link ProvinceSetUp}) and
 * measures, in this order: growth on an empty store (4a, {@link GrowthMeasure}), ingest (1, {@link IngestMeasure}),
 * latency at a fixed arrival rate (2, {@link LatencyMeasure}), queries (5, {@link QueryMeasure}), replay
 * (3, {@link ReplayMeasure}), growth with the store grown to a million events (4b), memory (6,
 * {@link MemoryMeasure}). Prints the table and writes {@code results-<date>.md} and {@code .json}. Started by
 * {@code ./mvnw -Pbenchmark -DskipTests package}.
 */
public final class Benchmark {

    /** Calendar dates (the results file's, "today" of the criteria set) are Vietnam's, as the services' are. */
    static final ZoneId CALENDAR_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path home;
    private final BenchmarkSettings settings;
    private final Clock clock;
    private final Results results = new Results();
    private final Http http = new Http();
    private final Progress progress = new Progress();
    private final SyntheticProvince province;

    public Benchmark(Path home, BenchmarkSettings settings) {
        this(home, settings, Clock.system(CALENDAR_ZONE));
    }

    Benchmark(Path home, BenchmarkSettings settings, Clock clock) {
        this.home = home;
        this.settings = settings;
        this.clock = clock.withZone(CALENDAR_ZONE);
        this.province = new SyntheticProvince(settings.communes(), settings.villagesPerCommune(),
                settings.growthCommunes());
    }

    public static void main(String[] args) {
        // The launcher's own Kafka client and embedded PostgreSQL would otherwise log at INFO over the progress.
        System.setProperty("log4j2.configurationFile", "vn/ntm/launcher/launcher-log4j2.properties");
        Path home = Path.of(System.getProperty("ntm.home", ".")).toAbsolutePath().normalize();
        Benchmark benchmark = new Benchmark(home, BenchmarkSettings.fromSystemProperties(home));
        benchmark.run();
        System.exit(0);
    }

    /** Runs every measurement and writes the results; returns the markdown file. */
    public Path run() {
        String runId = UUID.randomUUID().toString().substring(0, 6);
        Path workDir = home.resolve("benchmarks").resolve("target")
                .resolve("bench-" + LocalDateTime.now(clock).format(STAMP));
        PlatformSettings platformSettings = new PlatformSettings(home, workDir, freePort(), freePort(), freePort(),
                freePort(), freePort(), "bench_" + runId, Map.of());
        describeSettings();
        results.machine().put("load average before (1/5/15 min)", Machine.loadAverage());
        progress.log("starting the platform (Kafka broker, PostgreSQL, three services; logs in " + workDir + ")");
        long t = System.nanoTime();
        Platform platform = startPlatform(platformSettings);
        Http.authorize(platform::machineToken);
        results.details().put("platformStartSeconds", Progress.seconds(t));
        String rawDatabase = platformSettings.databasePrefix() + "_raw";
        MemoryProbe memory = null;
        try {
            Machine.describe(results.machine(), platform.postgres().jdbcUrl("postgres"), platform.postgres().user(),
                    platform.postgres().password());
            memory = new MemoryProbe(List.of(memoryOf(platform.village()), memoryOf(platform.criteria()),
                    memoryOf(platform.reporting())), http);
            try (BenchmarkRun run = BenchmarkRun.open(settings, province, results, http, progress, clock, platform,
                    workDir)) {
                measure(run, rawDatabase);
            }
            new MemoryMeasure(results).record(memory.finish());
        } catch (SQLException e) {
            throw new IllegalStateException("A database step failed", e);
        } finally {
            if (memory != null) {
                memory.close();
            }
            results.machine().put("load average after (1/5/15 min)", Machine.loadAverage());
            progress.log("stopping the platform");
            try {
                platform.postgres().dropDatabase(rawDatabase);
            } finally {
                platform.closeAndDropDatabases();
            }
        }
        results.details().put("totalSeconds", progress.elapsed());
        LocalDate today = today(clock);
        String name = "results-" + today;
        Path written = results.write(settings.output(), name, "Benchmark results " + today + " (issue 8)");
        System.out.println();
        System.out.println(results.table());
        progress.log("results written to " + written + " and " + written.resolveSibling(name + ".json"));
        return written;
    }

    /** The measures in their order; each records its figures in the run's results. */
    private void measure(BenchmarkRun run, String rawDatabase) throws SQLException {
        ProvinceSetUp setUp = new ProvinceSetUp(run);
        CriteriaSetInUse set = setUp.setUp();
        MeasurementStream provinceStream = set.stream(province.communes(), 0);
        setUp.warmUp(provinceStream);
        GrowthMeasure growth = new GrowthMeasure(run, set);
        GrowthMeasure.Half emptyStore = growth.onEmptyStore();
        run.platform.postgres().ensureDatabase(rawDatabase);
        Profiling writeSide = Profiling.start(settings.profile(), run.workDir.resolve("profiles"), run.platform);
        new IngestMeasure(run, provinceStream).measure(run.platform.postgres().jdbcUrl(rawDatabase));
        new LatencyMeasure(run, provinceStream, writeSide).measure();
        Profiling readSide = Profiling.start(settings.profile(), run.workDir.resolve("profiles"), run.platform,
                "queries-replay", "queries and replay");
        new QueryMeasure(run, set).measure();
        new ReplayMeasure(run).measure();
        readSide.stop(results);
        growth.withStoredEvents(emptyStore);
    }

    /** The calendar date in Vietnam at the clock's instant, whatever the clock's own zone. */
    static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(CALENDAR_ZONE));
    }

    /**
     * Starts the platform; once more if a service was not ready in time, which happens on a machine so busy with
     * other work that three Spring Boot services need more than the launcher's three minutes.
     */
    private Platform startPlatform(PlatformSettings platformSettings) {
        try {
            return Platform.start(platformSettings);
        } catch (IllegalStateException e) {
            if (e.getMessage() == null || !e.getMessage().contains("was not ready")) {
                throw e;
            }
            progress.log("a service was not ready in time (machine load " + Machine.loadAverage()
                    + "); starting once more");
            results.note("The platform needed a second start: a service was not ready within the launcher's timeout"
                    + " (machine load " + Machine.loadAverage() + ").");
            return Platform.start(platformSettings);
        }
    }

    public Results results() {
        return results;
    }

    private void describeSettings() {
        Map<String, Object> s = results.settings();
        s.put("communes", settings.communes() + " (+ " + settings.growthCommunes() * 2 + " for the growth test)");
        s.put("villages", settings.communes() * settings.villagesPerCommune());
        s.put("criteria set", BenchmarkRun.SET);
        s.put("ingest measurements", settings.ingest());
        s.put("clients", settings.clients());
        s.put("latency arrival rate", settings.rate() + "/s for " + settings.latencySeconds() + " s");
        s.put("growth measurements per half", settings.growthWrites());
        s.put("events stored for growth", settings.storedEvents());
        s.put("requests per query", settings.queries());
    }

    private static MemoryProbe.Service memoryOf(ServiceProcess service) {
        return new MemoryProbe.Service(service.name(), service::pid, service.baseUrl(), service.logFile());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port", e);
        }
    }
}
