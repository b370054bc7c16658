package vn.ntm.bench;

import static org.awaitility.Awaitility.await;
import static vn.ntm.bench.Progress.percentiles;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.awaitility.core.ConditionTimeoutException;
import vn.ntm.bench.Results.Figure;
import vn.ntm.bench.Results.Verdict;

/**
 * (2) Latency at a fixed arrival rate (open loop): from a measurement's 201 answer until its row is in reporting's
 * read model and until a dashboard subscribed to the SSE feed received it, and the REST command itself.
 */
final class LatencyMeasure {

    private final BenchmarkRun run;
    private final MeasurementStream provinceStream;
    private final Profiling writeSide;

    /** {@code writeSide}: the profile recorded during ingest and this test, stopped once the sent ones arrived. */
    LatencyMeasure(BenchmarkRun run, MeasurementStream provinceStream, Profiling writeSide) {
        this.run = run;
        this.provinceStream = provinceStream;
        this.writeSide = writeSide;
    }

    void measure() throws SQLException {
        int rate = run.settings.rate();
        int total = rate * run.settings.latencySeconds();
        run.log("(2) latency: " + total + " measurements at " + rate + "/s");
        MeasurementStream.Measurement[] measurements = new MeasurementStream.Measurement[total];
        long[] sentAt = new long[total];
        long[] acceptedAt = new long[total];
        int[] status = new int[total];
        List<CompletableFuture<?>> responses = new ArrayList<>();
        try (FeedListener feed = new FeedListener(run.http.client(), run.reportingUrl() + "/api/feed");
             ReadModelWatcher watcher = new ReadModelWatcher(run.jdbcUrl("reporting"),
                     run.platform.postgres().user(), run.platform.postgres().password(), BenchmarkRun.SET)) {
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
                CompletableFuture<?> response = run.http.postAsync(ClosedLoop.url(run.criteriaUrl(), m), m.request())
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
            await().atMost(Duration.ofSeconds(run.settings.latencySeconds() * 3L + 60))
                    .until(() -> allSent.getCount() == 0);
            ticker.shutdownNow();
            synchronized (responses) {
                CompletableFuture.allOf(responses.toArray(CompletableFuture[]::new)).handle((v, e) -> null).join();
            }
            List<Integer> accepted = IntStream.range(0, total).filter(i -> status[i] == 201).boxed().toList();
            try {
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() -> {
                    watcher.check();
                    return watcher.pending() == 0
                            && accepted.stream().allMatch(i -> feed.arrivedAt(measurements[i].key()) != null);
                });
            } catch (ConditionTimeoutException e) {
                run.results.note("Latency: not every accepted measurement became visible within 120 s after the "
                        + "last was sent; the missing ones are counted, not included in the percentiles.");
            }
            writeSide.stop(run.results);
            double[] api = accepted.stream().mapToDouble(i -> (acceptedAt[i] - sentAt[i]) / 1e6).toArray();
            double[] readModel = delays(accepted, i -> watcher.visibleAt(measurements[i].key()), acceptedAt);
            double[] sse = delays(accepted, i -> feed.arrivedAt(measurements[i].key()), acceptedAt);
            double achieved = total / ((sentAt[total - 1] - sentAt[0]) / 1e9);
            record(total, accepted.size(), achieved, Percentiles.of(api), Percentiles.of(readModel),
                    accepted.size() - readModel.length, Percentiles.of(sse), accepted.size() - sse.length,
                    feed.updates());
        }
    }

    private void record(int total, int accepted, double achieved, Percentiles apiP, Percentiles readP,
                        int neverInReadModel, Percentiles sseP, int neverOnFeed, long feedUpdates) {
        int rate = run.settings.rate();
        String offered = "offered " + rate + "/s (achieved " + Results.number(achieved) + "/s) for "
                + run.settings.latencySeconds() + " s; " + accepted + " of " + total + " accepted";
        run.results.add(new Figure("2", "latency, accepted → visible in reporting's read model", readP.p99(), "ms",
                percentiles(readP), null, null, "p99 ≤ 500 ms at 200/s",
                rate >= 200 ? Results.atMost(readP.p99(), 500) : Verdict.INFO,
                offered + "; from the 201 answer until the row is in measurement_history (polled every "
                        + ReadModelWatcher.INTERVAL_MS + " ms); " + neverInReadModel + " never seen"));
        run.results.add(new Figure("2", "latency, accepted → on the SSE feed (/api/feed)", sseP.p99(), "ms",
                percentiles(sseP), null, null, "p99 ≤ 500 ms at 200/s",
                rate >= 200 ? Results.atMost(sseP.p99(), 500) : Verdict.INFO,
                "the same measurements, until a dashboard subscribed to the feed received their update; "
                        + neverOnFeed + " never seen"));
        run.results.add(new Figure("2", "latency, sent → accepted (the REST command itself)", apiP.p99(), "ms",
                percentiles(apiP), null, null, null, Verdict.INFO, null));
        run.results.details().put("latency", Map.of("offeredPerSecond", rate, "achievedPerSecond", achieved,
                "sent", total, "accepted", accepted, "api", apiP, "readModel", readP, "sse", sseP,
                "feedUpdates", feedUpdates));
        run.log("(2) latency p50/p95/p99: read model " + percentiles(readP) + ", SSE " + percentiles(sseP)
                + ", API " + percentiles(apiP));
    }

    /**
     * Milliseconds from each accepted measurement's answer until it was seen ({@code seenAt}, a nanoTime or null when
     * never seen; those are left out), never negative: a poll may see the row before the answer arrives.
     */
    static double[] delays(List<Integer> accepted, Function<Integer, Long> seenAt, long[] acceptedAt) {
        return accepted.stream().map(i -> {
            Long seen = seenAt.apply(i);
            return seen == null ? null : Math.max(0, (seen - acceptedAt[i]) / 1e6);
        }).filter(Objects::nonNull).mapToDouble(Double::doubleValue).toArray();
    }
}
