package vn.ntm.bench;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import tools.jackson.databind.JsonNode;
import vn.ntm.bench.Results.Figure;
import vn.ntm.bench.Results.Verdict;
import vn.ntm.launcher.Platform;
import vn.ntm.launcher.ServiceProcess;

/**
 * One benchmark run: starts the platform as the run command does (a real Kafka broker, PostgreSQL, the three
 * services as their own processes, each in fresh databases), loads a synthetic province and measures, in this order:
 * growth on an empty store (4a), ingest (1), latency at a fixed arrival rate (2), queries (5), replay (3), growth
 * with the store grown to a million events (4b), memory (6). Prints the table and writes
 * {@code results-<date>.md} and {@code .json}. Started by {@code ./mvnw -Pbenchmark -DskipTests package}.
 */
public final class Benchmark {

    static final String SET = "VN-XA-NTM-2021-2025";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path home;
    private final BenchmarkSettings settings;
    private final Results results = new Results();
    private final Http http = new Http();
    private final long started = System.nanoTime();
    private final SyntheticProvince province;
    private Platform platform;
    private List<Indicator> indicators;
    private LocalDate firstDay;
    private LocalDate lastDay;
    private MeasurementStream provinceStream;
    private Connection reportingDb;
    private Path workDir;

    public Benchmark(Path home, BenchmarkSettings settings) {
        this.home = home;
        this.settings = settings;
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
        String stamp = LocalDateTime.now().format(STAMP);
        String runId = UUID.randomUUID().toString().substring(0, 6);
        workDir = home.resolve("benchmarks").resolve("target").resolve("bench-" + stamp);
        Platform.Settings platformSettings = new Platform.Settings(home, workDir, freePort(), freePort(), freePort(),
                freePort(), freePort(), "bench_" + runId, Map.of());
        describeSettings();
        results.machine().put("load average before (1/5/15 min)", Machine.loadAverage());
        log("starting the platform (Kafka broker, PostgreSQL, three services; logs in " + workDir + ")");
        long t = System.nanoTime();
        platform = startPlatform(platformSettings);
        Http.authorize(platform::machineToken);
        results.details().put("platformStartSeconds", seconds(t));
        String rawDatabase = platformSettings.databasePrefix() + "_raw";
        MemoryProbe memory = null;
        try {
            Machine.describe(results.machine(), platform.postgres().jdbcUrl("postgres"), platform.postgres().user(),
                    platform.postgres().password());
            memory = new MemoryProbe(List.of(memoryOf(platform.village()), memoryOf(platform.criteria()),
                    memoryOf(platform.reporting())), http);
            reportingDb = connect("reporting");
            setUp();
            warmUp();
            MeasurementStream growthA = new MeasurementStream(SET, province.growthA(), indicators, firstDay, lastDay,
                    10_000_000L);
            ClosedLoop.Outcome emptyStore = growth("4a", growthA, "empty store");
            platform.postgres().ensureDatabase(rawDatabase);
            ingest(platform.postgres().jdbcUrl(rawDatabase));
            latency();
            Profiling readSide = Profiling.start(settings.profile(), workDir.resolve("profiles"), platform,
                    "queries-replay", "queries and replay");
            queries();
            replay();
            readSide.stop(results);
            growthWithStoredEvents(emptyStore);
            memory(memory.finish());
        } catch (SQLException e) {
            throw new IllegalStateException("A database step failed", e);
        } finally {
            if (memory != null) {
                memory.close();
            }
            closeQuietly(reportingDb);
            results.machine().put("load average after (1/5/15 min)", Machine.loadAverage());
            log("stopping the platform");
            try {
                platform.postgres().dropDatabase(rawDatabase);
            } finally {
                platform.closeAndDropDatabases();
            }
        }
        results.details().put("totalSeconds", seconds(started));
        String date = LocalDate.now().toString();
        Path written = results.write(settings.output(), "results-" + date,
                "Benchmark results " + date + " (issue 8)");
        System.out.println();
        System.out.println(results.table());
        log("results written to " + written + " and " + written.resolveSibling("results-" + date + ".json"));
        return written;
    }

    /**
     * Starts the platform; once more if a service was not ready in time, which happens on a machine so busy with
     * other work that three Spring Boot services need more than the launcher's three minutes.
     */
    private Platform startPlatform(Platform.Settings platformSettings) {
        try {
            return Platform.start(platformSettings);
        } catch (IllegalStateException e) {
            if (e.getMessage() == null || !e.getMessage().contains("was not ready")) {
                throw e;
            }
            log("a service was not ready in time (machine load " + Machine.loadAverage() + "); starting once more");
            results.note("The platform needed a second start: a service was not ready within the launcher's timeout"
                    + " (machine load " + Machine.loadAverage() + ").");
            return Platform.start(platformSettings);
        }
    }

    public Results results() {
        return results;
    }

    // ---- set-up ------------------------------------------------------------------------------------------------

    private void setUp() {
        String criteria = platform.criteria().baseUrl();
        http.post(criteria + "/api/criteria-sets/shipped/" + SET, Map.of()).require(200, 201, 409);
        JsonNode set = http.get(criteria + "/api/criteria-sets/" + SET).require(200).json();
        indicators = new ArrayList<>();
        set.path("criteria").forEach(c -> c.path("indicators").forEach(i -> indicators.add(
                new Indicator(i.path("code").asString(), i.path("kind").asString(),
                        i.path("unit").isNull() ? null : i.path("unit").asString()))));
        firstDay = LocalDate.parse(set.path("effectiveFrom").asString());
        LocalDate setEnd = set.path("effectiveTo").isNull() || set.path("effectiveTo").isMissingNode()
                ? LocalDate.now() : LocalDate.parse(set.path("effectiveTo").asString());
        lastDay = setEnd.isBefore(LocalDate.now()) ? setEnd : LocalDate.now();
        results.details().put("indicators", indicators.size());
        log("criteria set " + SET + ": " + indicators.size() + " indicators, valid dates " + firstDay + " .. "
                + lastDay);

        List<SyntheticProvince.Unit> units = province.registrationOrder();
        long t = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(settings.clients());
        try {
            for (String level : List.of("PROVINCE", "DISTRICT", "COMMUNE", "VILLAGE")) {
                List<CompletableFuture<Void>> registrations = units.stream().filter(u -> u.level().equals(level))
                        .map(u -> CompletableFuture.runAsync(() -> register(u), pool)).toList();
                CompletableFuture.allOf(registrations.toArray(CompletableFuture[]::new)).join();
            }
        } finally {
            pool.shutdownNow();
        }
        double registering = seconds(t);
        log("registered " + units.size() + " units in " + round(registering) + " s; waiting for criteria-service"
                + " and reporting-service to learn them");
        List<SyntheticProvince.Unit> unknown = new ArrayList<>(province.assessedCommunes());
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500)).until(() -> {
            unknown.removeIf(u -> http.get(criteria + "/api/units/" + u.id()).status() == 200);
            return unknown.isEmpty();
        });
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
                .until(() -> count(reportingDb, "select count(*) from unit_view") >= units.size());
        results.details().put("units", Map.of("registered", units.size(), "communes", province.communes().size(),
                "villages", province.villages().size(), "growthCommunes", province.growthA().size() * 2,
                "registrationSeconds", registering, "knownEverywhereSeconds", seconds(t)));
        provinceStream = new MeasurementStream(SET, province.communes(), indicators, firstDay, lastDay, 0);
    }

    private void register(SyntheticProvince.Unit unit) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", unit.id().toString());
        body.put("level", unit.level());
        body.put("name", unit.name());
        if (unit.parentId() != null) {
            body.put("parentId", unit.parentId().toString());
        }
        body.put("validFrom", SyntheticProvince.VALID_FROM.toString());
        if (unit.region() != null) {
            body.put("region", unit.region());
        }
        body.put("legalBasis", "Dữ liệu tổng hợp cho đo hiệu năng (synthetic benchmark data)");
        http.post(platform.village().baseUrl() + "/api/units", body).require(201, 409);
    }

    /**
     * A few measurements per client before anything is timed, so the first timed test (growth on an empty store)
     * does not pay for class loading and JIT compilation that the later ones would not. They go to the province's
     * communes and stay part of its history; the store is still all but empty.
     */
    private void warmUp() throws SQLException {
        int count = settings.clients() * 25;
        log("warming up with " + count + " measurements");
        long before = count(reportingDb, "select count(*) from measurement_history");
        ClosedLoop.Outcome warm = ClosedLoop.run(http, platform.criteria().baseUrl(), provinceStream, count,
                settings.clients());
        requireMostlyAccepted("warm-up", warm);
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> count(reportingDb, "select count(*) from measurement_history") >= before + warm.accepted());
        results.details().put("warmUp", Map.of("measurements", warm.accepted(), "perSecond", warm.perSecond()));
    }

    // ---- (1) ingest ----------------------------------------------------------------------------------------------

    private void ingest(String rawJdbcUrl) throws SQLException {
        // as commune officers report: one form per commune and date, of every indicator of the set
        List<MeasurementStream.Form> forms = provinceStream.forms(settings.ingest());
        log("(1) ingest: " + settings.ingest() + " measurements in " + forms.size() + " forms from "
                + settings.clients() + " clients");
        Profiling profiling = Profiling.start(settings.profile(), workDir.resolve("profiles"), platform);
        long before = count(reportingDb, "select count(*) from measurement_history");
        ClosedLoop.Outcome load = ClosedLoop.runForms(http, platform.criteria().baseUrl(), forms, settings.clients());
        requireMostlyAccepted("ingest", load);
        long target = before + load.accepted();
        await().atMost(Duration.ofSeconds(Math.max(300, load.accepted() / 5))).pollInterval(Duration.ofMillis(50))
                .until(() -> count(reportingDb, "select count(*) from measurement_history") >= target);
        long visible = System.nanoTime();
        double endToEnd = load.accepted() / ((visible - load.startNanos()) / 1e9);

        List<MeasurementStream.Measurement> rows = forms.stream().flatMap(f -> f.items().stream()).toList();
        Baselines.Outcome raw = Baselines.jdbcBatchInsert(rawJdbcUrl, platform.postgres().user(),
                platform.postgres().password(), rows);
        double ratio = endToEnd / raw.perSecond();
        results.add(new Figure("1", "ingest, end to end (API → event store → Kafka → reporting read model)",
                endToEnd, "measurements/s", null, "raw JDBC batch insert of the same rows: "
                + Results.number(raw.perSecond()) + "/s", ratio, "≥ 0.25 of raw JDBC",
                Results.atLeast(ratio, 0.25),
                load.accepted() + " measurements in " + forms.size() + " measurement forms (one commune, one date, "
                        + "up to " + forms.get(0).items().size() + " indicators each; POST …/measurement-forms, one "
                        + "command each) from " + settings.clients() + " concurrent clients, timed from the first "
                        + "request until reporting's measurement_history holds them all; the baseline inserts the "
                        + "same rows into a table of the same shape and index with JDBC batches of 1,000 "
                        + "(reWriteBatchedInserts)"));
        results.add(new Figure("1", "ingest, accepted by criteria-service's API", load.perSecond(), "measurements/s",
                null, null, null, null, Verdict.INFO,
                "the same run, timed until the last form was answered (event store written, not yet on Kafka)"));
        results.details().put("ingest", Map.of("measurements", load.accepted(), "forms", forms.size(),
                "refused", load.refused(), "apiSeconds", load.seconds(),
                "endToEndSeconds", (visible - load.startNanos()) / 1e9,
                "rawJdbcSeconds", raw.seconds(), "rawJdbcPerSecond", raw.perSecond()));
        log("(1) ingest: " + round(endToEnd) + "/s end to end (" + round(load.perSecond()) + "/s accepted), raw JDBC "
                + round(raw.perSecond()) + "/s, ratio " + Results.number(ratio));
        ingestOnePerRequest();
        this.profiling = profiling;
    }

    /** For comparison, a tenth as many measurements through the single endpoint, one request each. */
    private void ingestOnePerRequest() throws SQLException {
        int count = Math.max(settings.clients(), settings.ingest() / 10);
        long before = count(reportingDb, "select count(*) from measurement_history");
        ClosedLoop.Outcome load = ClosedLoop.run(http, platform.criteria().baseUrl(), provinceStream, count,
                settings.clients());
        requireMostlyAccepted("ingest, one measurement per request", load);
        await().atMost(Duration.ofSeconds(Math.max(300, load.accepted() / 5))).pollInterval(Duration.ofMillis(50))
                .until(() -> count(reportingDb, "select count(*) from measurement_history") >= before + load.accepted());
        double endToEnd = load.accepted() / ((System.nanoTime() - load.startNanos()) / 1e9);
        results.add(new Figure("1", "ingest, one measurement per request, end to end", endToEnd, "measurements/s",
                null, null, null, null, Verdict.INFO, load.accepted() + " single measurements (POST …/measurements) "
                + "from " + settings.clients() + " clients right after the forms, timed as above; accepted by the "
                + "API: " + Results.number(load.perSecond()) + "/s"));
        results.details().put("ingestOnePerRequest", Map.of("measurements", load.accepted(),
                "refused", load.refused(), "apiSeconds", load.seconds(), "endToEndPerSecond", endToEnd));
        log("(1) ingest, one measurement per request: " + round(endToEnd) + "/s end to end ("
                + round(load.perSecond()) + "/s accepted)");
    }

    private Profiling profiling;

    // ---- (2) latency ---------------------------------------------------------------------------------------------

    private void latency() throws SQLException {
        int rate = settings.rate();
        int total = rate * settings.latencySeconds();
        log("(2) latency: " + total + " measurements at " + rate + "/s");
        String criteria = platform.criteria().baseUrl();
        MeasurementStream.Measurement[] measurements = new MeasurementStream.Measurement[total];
        long[] sentAt = new long[total];
        long[] acceptedAt = new long[total];
        int[] status = new int[total];
        List<CompletableFuture<?>> responses = new ArrayList<>();
        try (FeedListener feed = new FeedListener(http.client(), platform.reporting().baseUrl() + "/api/feed");
             ReadModelWatcher watcher = new ReadModelWatcher(
                     platform.postgres().jdbcUrl(platform.settings().database("reporting")),
                     platform.postgres().user(), platform.postgres().password(), SET)) {
            feed.awaitConnected(Duration.ofSeconds(30));
            AtomicInteger next = new AtomicInteger();
            CountDownLatch allSent = new CountDownLatch(1);
            ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
            // Open loop: arrivals keep their schedule however slowly the platform answers (no coordinated omission).
            ticker.scheduleAtFixedRate(() -> {
                int i = next.getAndIncrement();
                if (i >= total) {
                    allSent.countDown();
                    return;
                }
                MeasurementStream.Measurement m = provinceStream.next();
                measurements[i] = m;
                sentAt[i] = System.nanoTime();
                CompletableFuture<?> response = http.postAsync(ClosedLoop.url(criteria, m), m.request())
                        .whenComplete((r, e) -> {
                            acceptedAt[i] = System.nanoTime();
                            status[i] = r == null ? -1 : r.status();
                            if (status[i] == 201) {
                                watcher.watch(m);
                            }
                        });
                synchronized (responses) {
                    responses.add(response);
                }
            }, 0, 1_000_000_000L / rate, TimeUnit.NANOSECONDS);
            await().atMost(Duration.ofSeconds(settings.latencySeconds() * 3L + 60)).until(() -> allSent.getCount() == 0);
            ticker.shutdownNow();
            long lastSent = sentAt[total - 1];
            synchronized (responses) {
                CompletableFuture.allOf(responses.toArray(CompletableFuture[]::new))
                        .handle((v, e) -> null).join();
            }
            List<Integer> accepted = IntStream.range(0, total).filter(i -> status[i] == 201).boxed().toList();
            try {
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() -> {
                    watcher.check();
                    return watcher.pending() == 0
                            && accepted.stream().allMatch(i -> feed.arrivedAt(measurements[i].key()) != null);
                });
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                results.note("Latency: not every accepted measurement became visible within 120 s after the last "
                        + "was sent; the missing ones are counted, not included in the percentiles.");
            }
            profiling.stop(results);
            double[] api = accepted.stream().mapToDouble(i -> (acceptedAt[i] - sentAt[i]) / 1e6).toArray();
            double[] readModel = accepted.stream().map(i -> watcher.visibleAt(measurements[i].key()) == null ? null
                            : Math.max(0, (watcher.visibleAt(measurements[i].key()) - acceptedAt[i]) / 1e6))
                    .filter(java.util.Objects::nonNull).mapToDouble(Double::doubleValue).toArray();
            double[] sse = accepted.stream().map(i -> feed.arrivedAt(measurements[i].key()) == null ? null
                            : Math.max(0, (feed.arrivedAt(measurements[i].key()) - acceptedAt[i]) / 1e6))
                    .filter(java.util.Objects::nonNull).mapToDouble(Double::doubleValue).toArray();
            Percentiles apiP = Percentiles.of(api);
            Percentiles readP = Percentiles.of(readModel);
            Percentiles sseP = Percentiles.of(sse);
            double achieved = total / ((lastSent - sentAt[0]) / 1e9);
            String offered = "offered " + rate + "/s (achieved " + Results.number(achieved) + "/s) for "
                    + settings.latencySeconds() + " s; " + accepted.size() + " of " + total + " accepted";
            results.add(new Figure("2", "latency, accepted → visible in reporting's read model", readP.p99(), "ms",
                    percentiles(readP), null, null, "p99 ≤ 500 ms at 200/s",
                    rate >= 200 ? Results.atMost(readP.p99(), 500) : Verdict.INFO,
                    offered + "; from the 201 answer until the row is in measurement_history (polled every "
                            + ReadModelWatcher.INTERVAL_MS + " ms); " + (accepted.size() - readModel.length)
                            + " never seen"));
            results.add(new Figure("2", "latency, accepted → on the SSE feed (/api/feed)", sseP.p99(), "ms",
                    percentiles(sseP), null, null, "p99 ≤ 500 ms at 200/s",
                    rate >= 200 ? Results.atMost(sseP.p99(), 500) : Verdict.INFO,
                    "the same measurements, until a dashboard subscribed to the feed received their update; "
                            + (accepted.size() - sse.length) + " never seen"));
            results.add(new Figure("2", "latency, sent → accepted (the REST command itself)", apiP.p99(), "ms",
                    percentiles(apiP), null, null, null, Verdict.INFO, null));
            results.details().put("latency", Map.of("offeredPerSecond", rate, "achievedPerSecond", achieved,
                    "sent", total, "accepted", accepted.size(), "api", apiP, "readModel", readP, "sse", sseP,
                    "feedUpdates", feed.updates()));
            log("(2) latency p50/p95/p99: read model " + percentiles(readP) + ", SSE " + percentiles(sseP)
                    + ", API " + percentiles(apiP));
        }
    }

    // ---- (5) queries ---------------------------------------------------------------------------------------------

    private void queries() {
        String reporting = platform.reporting().baseUrl();
        Random random = new Random(8);
        List<SyntheticProvince.Unit> communes = province.communes();
        Percentiles timeline = timed(settings.queries(), () -> http.get(reporting + "/api/units/"
                + communes.get(random.nextInt(communes.size())).id() + "/timeline").require(200));
        results.add(new Figure("5", "query: one unit's timeline (/api/units/{id}/timeline)", timeline.p95(), "ms",
                percentiles(timeline), null, null, null, Verdict.INFO,
                settings.queries() + " requests for random communes, one at a time, after 10 warm-up requests"));
        List<LocalDate> dates = IntStream.range(0, 16)
                .mapToObj(i -> firstDay.plusDays((long) (i + 1) * (lastDay.toEpochDay() - firstDay.toEpochDay()) / 16))
                .toList();
        String asOfSomeDate = reporting + "/api/matrix?criteriaSet=" + SET + "&asOf=";
        int[] matrixBytes = new int[2];
        Percentiles matrix = timed(settings.queries(), () -> matrixBytes[0] = http.get(asOfSomeDate
                + dates.get(random.nextInt(dates.size()))).require(200).body().length());
        results.add(new Figure("5", "query: province criteria matrix as of a date (/api/matrix)", matrix.p95(), "ms",
                percentiles(matrix), null, null, "p95 ≤ 150 ms", Results.atMost(matrix.p95(), 150),
                settings.queries() + " requests, one at a time after 10 warm-up requests, for the whole province ("
                        + province.registrationOrder().size() + " units × the set and its criteria) against " + SET
                        + ", as of one of 16 dates spread over the set's period; answers of about "
                        + matrixBytes[0] / 1024 + " KiB"));
        Percentiles withIndicators = timed(settings.queries(), () -> matrixBytes[1] = http.get(asOfSomeDate
                + dates.get(random.nextInt(dates.size())) + "&indicators=true").require(200).body().length());
        results.add(new Figure("5", "query: the same matrix with every indicator cell (/api/matrix?indicators=true)",
                withIndicators.p95(), "ms", percentiles(withIndicators), null, null, null, Verdict.INFO,
                "what an integration pulling every cell of the province waits; answers of about "
                        + matrixBytes[1] / 1024 + " KiB (the dashboard asks for one unit's indicators at a time)"));
        results.details().put("queries", Map.of("timeline", timeline, "matrix", matrix,
                "matrixResponseBytes", matrixBytes[0], "matrixWithIndicators", withIndicators,
                "matrixWithIndicatorsResponseBytes", matrixBytes[1]));
        log("(5) queries p50/p95/p99: timeline " + percentiles(timeline) + ", matrix " + percentiles(matrix)
                + ", matrix with indicators " + percentiles(withIndicators));
    }

    private static Percentiles timed(int runs, Runnable query) {
        for (int i = 0; i < 10; i++) {
            query.run();
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            query.run();
            millis[i] = (System.nanoTime() - t) / 1e6;
        }
        return Percentiles.of(millis);
    }

    // ---- (3) replay ----------------------------------------------------------------------------------------------

    private void replay() throws SQLException {
        // The live consumers may still be folding the latency test's backlog. A replay started then competes with
        // them, and the generation it replaces misses what they had not folded yet, so the comparison after the swap
        // would show lag, not a difference: wait until nothing new has been processed for three seconds.
        long t0 = System.nanoTime();
        long[] seen = {-1};
        long[] stableSince = {System.nanoTime()};
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(500)).until(() -> {
            long processed = count(reportingDb, "select count(*) from processed_event");
            if (processed != seen[0]) {
                seen[0] = processed;
                stableSince[0] = System.nanoTime();
            }
            return System.nanoTime() - stableSince[0] >= 3_000_000_000L;
        });
        double quiet = seconds(t0);
        log("(3) live consumers quiet after " + round(quiet) + " s (" + seen[0] + " events processed)");
        List<String> topics = List.of("ntm.units", "ntm.criteria");
        List<Baselines.Outcome> reads = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            reads.add(Baselines.kafkaConsume(platform.kafka().bootstrapServers(), topics));
        }
        Baselines.Outcome raw = reads.stream().sorted(java.util.Comparator.comparingDouble(Baselines.Outcome::perSecond))
                .toList().get(1);
        log("(3) raw Kafka consumption: " + round(raw.perSecond()) + " records/s over " + raw.items() + " records;"
                + " replaying reporting's read models");

        String reporting = platform.reporting().baseUrl();
        long t = System.nanoTime();
        http.post(reporting + "/api/replay", Map.of()).require(200, 202);
        JsonNode[] progress = new JsonNode[1];
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            progress[0] = http.get(reporting + "/api/replay").require(200).json();
            return List.of("DONE", "FAILED", "CANCELLED").contains(progress[0].path("state").asString());
        });
        double wall = seconds(t);
        String state = progress[0].path("state").asString();
        long events = progress[0].path("eventsDone").asLong();
        double rate = events / wall;
        double ratio = rate / raw.perSecond();
        JsonNode comparison = http.get(reporting + "/api/replay/comparison").require(200).json();
        boolean equal = comparison.path("equal").asBoolean(false);
        List<String> differing = new ArrayList<>();
        comparison.path("tables").forEach(table -> {
            if (table.path("onlyInLive").asLong() != 0 || table.path("onlyInOther").asLong() != 0) {
                differing.add(table.path("table").asString() + " (rebuilt only " + table.path("onlyInLive").asLong()
                        + ", replaced only " + table.path("onlyInOther").asLong() + ")");
            }
        });
        results.add(new Figure("3", "replay: rebuild reporting's read models (POST /api/replay until DONE)",
                "DONE".equals(state) ? rate : null, "events/s", "DONE".equals(state) ? null : state,
                "raw Kafka consumption of the same topics: " + Results.number(raw.perSecond()) + " records/s",
                ratio, "≥ 20,000 events/s", "DONE".equals(state) ? Results.atLeast(rate, 20_000) : Verdict.MISSED,
                events + " events from ntm.units and ntm.criteria folded into the second generation and swapped live "
                        + "in " + round(wall) + " s (from the request until the progress said DONE, polled every "
                        + "100 ms), started once the live consumers had been quiet for 3 s; rebuilt generation "
                        + "equal to the one it replaced: " + equal + (differing.isEmpty() ? "" : " " + differing)
                        + ". The baseline reads "
                        + raw.items() + " records (" + raw.bytes() / 1024 + " KiB) from the beginning with a plain "
                        + "consumer, without decoding, median of three reads"));
        results.details().put("replay", Map.of("state", state, "events", events, "seconds", wall,
                "serverProgress", Http.JSON.convertValue(progress[0], Map.class),
                "generationsEqual", equal, "comparison", Http.JSON.convertValue(comparison, Map.class),
                "quietAfterSeconds", quiet, "kafkaRecords", raw.items(), "kafkaBytes", raw.bytes(),
                "kafkaSeconds", raw.seconds()));
        log("(3) replay " + state + ": " + events + " events in " + round(wall) + " s = " + round(rate)
                + " events/s; ratio to raw Kafka " + Results.number(ratio) + "; generations equal: " + equal);
    }

    // ---- (4) growth ----------------------------------------------------------------------------------------------

    private ClosedLoop.Outcome growth(String section, MeasurementStream stream, String what) throws SQLException {
        long events;
        try (Connection criteria = connect("criteria")) {
            events = count(criteria, "select count(*) from domain_event_entry");
        }
        log("(" + section + ") growth, " + what + " (" + events + " events stored): " + settings.growthWrites()
                + " measurements");
        long before = count(reportingDb, "select count(*) from measurement_history");
        ClosedLoop.Outcome load = ClosedLoop.run(http, platform.criteria().baseUrl(), stream,
                settings.growthWrites(), settings.clients());
        requireMostlyAccepted("growth", load);
        // the next test counts reporting's rows: let these arrive first
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> count(reportingDb, "select count(*) from measurement_history") >= before + load.accepted());
        results.details().put("growth" + section, Map.of("eventsStored", events, "measurements", load.accepted(),
                "seconds", load.seconds(), "perSecond", load.perSecond()));
        log("(" + section + ") " + round(load.perSecond()) + " measurements/s accepted");
        growthStored.put(section, events);
        return load;
    }

    private final Map<String, Long> growthStored = new LinkedHashMap<>();

    private void growthWithStoredEvents(ClosedLoop.Outcome emptyStore) throws SQLException {
        log("(4b) growing criteria-service's event store to " + settings.storedEvents() + " events");
        StoreSeeder.Outcome seeded = StoreSeeder.seed(
                platform.postgres().jdbcUrl(platform.settings().database("criteria")),
                platform.postgres().user(), platform.postgres().password(), settings.storedEvents());
        log("(4b) seeded " + seeded.eventsSeeded() + " events and " + seeded.logRowsSeeded() + " log rows in "
                + round(seeded.seconds()) + " s");
        MeasurementStream growthB = new MeasurementStream(SET, province.growthB(), indicators, firstDay, lastDay,
                20_000_000L);
        ClosedLoop.Outcome full = growth("4b", growthB, "grown store");
        double ratio = full.perSecond() / emptyStore.perSecond();
        results.add(new Figure("4", "growth: write throughput with " + String.format("%,d", growthStored.get("4b"))
                + " events stored", full.perSecond(), "measurements/s", null,
                "with " + String.format("%,d", growthStored.get("4a")) + " events stored (empty store): "
                        + Results.number(emptyStore.perSecond()) + "/s", ratio, "≥ 0.8",
                Results.atLeast(ratio, 0.8),
                settings.growthWrites() + " measurements from " + settings.clients() + " clients on fresh "
                        + "assessments of " + province.growthA().size() + " communes in each half (group A before "
                        + "everything else, group B last), timed until the last was accepted. The store was grown "
                        + "by copying the run's own events in SQL (" + seeded.eventsSeeded() + " events and "
                        + seeded.logRowsSeeded() + " assessment-log rows in " + round(seeded.seconds())
                        + " s) with negative global indexes, so the Kafka publisher does not republish them; "
                        + "see StoreSeeder"));
        results.details().put("seeding", Map.of("eventsBefore", seeded.eventsBefore(), "eventsSeeded",
                seeded.eventsSeeded(), "logRowsSeeded", seeded.logRowsSeeded(), "seconds", seeded.seconds()));
    }

    // ---- (6) memory ----------------------------------------------------------------------------------------------

    private MemoryProbe.Service memoryOf(ServiceProcess service) {
        return new MemoryProbe.Service(service.name(), service::pid, service.baseUrl(), service.logFile());
    }

    private void memory(Map<String, MemoryProbe.Seen> seen) {
        Map<String, Object> details = new LinkedHashMap<>();
        seen.forEach((name, s) -> {
            double maxMb = s.heapMaxBytes() / 1024.0 / 1024.0;
            double peakHeapMb = s.peakHeapUsedBytes() / 1024.0 / 1024.0;
            String live = s.liveHeapAfterGcBytes() == null ? "unknown"
                    : Results.number(s.liveHeapAfterGcBytes() / 1024.0 / 1024.0) + " MB";
            boolean within = !s.outOfMemory() && s.heapMaxBytes() > 0 && maxMb <= 512.5;
            results.add(new Figure("6", "memory: " + name, s.peakRssKb() / 1024.0, "MB peak RSS",
                    Results.number(s.peakRssKb() / 1024.0) + " MB peak RSS (VmHWM); heap: peak used "
                            + Results.number(peakHeapMb) + " MB, live after full GC " + live + ", max "
                            + Results.number(maxMb) + " MB", null, null, "heap within 512 MB",
                    within ? Verdict.MET : Verdict.MISSED,
                    s.outOfMemory() ? "OutOfMemoryError in the service's log" : null));
            details.put(name, s);
        });
        results.details().put("memory", details);
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private void describeSettings() {
        Map<String, Object> s = results.settings();
        s.put("communes", settings.communes() + " (+ " + settings.growthCommunes() * 2 + " for the growth test)");
        s.put("villages", settings.communes() * settings.villagesPerCommune());
        s.put("criteria set", SET);
        s.put("ingest measurements", settings.ingest());
        s.put("clients", settings.clients());
        s.put("latency arrival rate", settings.rate() + "/s for " + settings.latencySeconds() + " s");
        s.put("growth measurements per half", settings.growthWrites());
        s.put("events stored for growth", settings.storedEvents());
        s.put("requests per query", settings.queries());
    }

    private void requireMostlyAccepted(String test, ClosedLoop.Outcome load) {
        if (load.refused() > 0) {
            results.note(test + ": " + load.refused() + " measurements refused, first: " + load.firstRefusal());
        }
        if (load.accepted() == 0 || load.refused() * 100L > (long) (load.accepted() + load.refused())) {
            throw new IllegalStateException(test + ": more than 1% refused (" + load.refused() + "), first: "
                    + load.firstRefusal());
        }
    }

    private Connection connect(String service) throws SQLException {
        return DriverManager.getConnection(platform.postgres().jdbcUrl(platform.settings().database(service)),
                platform.postgres().user(), platform.postgres().password());
    }

    private static long count(Connection connection, String sql) throws SQLException {
        return StoreSeeder.count(connection, sql);
    }

    private static String percentiles(Percentiles p) {
        return "p50 " + Results.number(p.p50()) + " · p95 " + Results.number(p.p95()) + " · p99 "
                + Results.number(p.p99()) + " ms";
    }

    private void log(String message) {
        long s = (System.nanoTime() - started) / 1_000_000_000L;
        System.out.printf("[bench %02d:%02d] %s%n", s / 60, s % 60, message);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static String round(double value) {
        return Results.number(value);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port", e);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing at the end of the run
            }
        }
    }

}
