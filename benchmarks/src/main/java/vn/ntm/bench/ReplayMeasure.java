package vn.ntm.bench;

import static org.awaitility.Awaitility.await;
import static vn.ntm.bench.Progress.round;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import vn.ntm.bench.Results.Figure;
import vn.ntm.bench.Results.Verdict;

/**
 * (3) Replay: reporting's read models rebuilt from Kafka ({@code POST /api/replay} until DONE) and swapped live,
 * beside a plain consumer reading the same topics without decoding.
 */
final class ReplayMeasure {

    static final List<String> TOPICS = List.of("ntm.units", "ntm.criteria");
    private static final long QUIET_NANOS = 3_000_000_000L;

    private final BenchmarkRun run;

    ReplayMeasure(BenchmarkRun run) {
        this.run = run;
    }

    void measure() {
        long t0 = System.nanoTime();
        long processed = awaitQuiet();
        double quiet = Progress.seconds(t0);
        run.log("(3) live consumers quiet after " + round(quiet) + " s (" + processed + " events processed)");
        List<Baselines.Outcome> reads = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            reads.add(Baselines.kafkaConsume(run.platform.kafka().bootstrapServers(), TOPICS));
        }
        Baselines.Outcome raw = median(reads);
        run.log("(3) raw Kafka consumption: " + round(raw.perSecond()) + " records/s over " + raw.items()
                + " records; replaying reporting's read models");

        String reporting = run.reportingUrl();
        long t = System.nanoTime();
        run.http.post(reporting + "/api/replay", Map.of()).require(200, 202);
        JsonNode[] progress = new JsonNode[1];
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            progress[0] = run.http.get(reporting + "/api/replay").require(200).json();
            return List.of("DONE", "FAILED", "CANCELLED").contains(progress[0].path("state").asString());
        });
        double wall = Progress.seconds(t);
        String state = progress[0].path("state").asString();
        boolean done = "DONE".equals(state);
        long events = progress[0].path("eventsDone").asLong();
        double rate = events / wall;
        double ratio = rate / raw.perSecond();
        JsonNode comparison = run.http.get(reporting + "/api/replay/comparison").require(200).json();
        boolean equal = comparison.path("equal").asBoolean(false);
        List<String> differing = differing(comparison);
        run.results.add(new Figure("3", "replay: rebuild reporting's read models (POST /api/replay until DONE)",
                done ? rate : null, "events/s", done ? null : state,
                "raw Kafka consumption of the same topics: " + Results.number(raw.perSecond()) + " records/s",
                ratio, "≥ 20,000 events/s", done ? Results.atLeast(rate, 20_000) : Verdict.MISSED,
                events + " events from ntm.units and ntm.criteria folded into the second generation and swapped live "
                        + "in " + round(wall) + " s (from the request until the progress said DONE, polled every "
                        + "100 ms), started once the live consumers had been quiet for 3 s; rebuilt generation "
                        + "equal to the one it replaced: " + equal + (differing.isEmpty() ? "" : " " + differing)
                        + ". The baseline reads "
                        + raw.items() + " records (" + raw.bytes() / 1024 + " KiB) from the beginning with a plain "
                        + "consumer, without decoding, median of three reads"));
        run.results.details().put("replay", Map.of("state", state, "events", events, "seconds", wall,
                "serverProgress", Http.JSON.convertValue(progress[0], Map.class),
                "generationsEqual", equal, "comparison", Http.JSON.convertValue(comparison, Map.class),
                "quietAfterSeconds", quiet, "kafkaRecords", raw.items(), "kafkaBytes", raw.bytes(),
                "kafkaSeconds", raw.seconds()));
        run.log("(3) replay " + state + ": " + events + " events in " + round(wall) + " s = " + round(rate)
                + " events/s; ratio to raw Kafka " + Results.number(ratio) + "; generations equal: " + equal);
    }

    /**
     * The live consumers may still be folding the latency test's backlog. A replay started then competes with them,
     * and the generation it replaces misses what they had not folded yet, so the comparison after the swap would
     * show lag, not a difference: waits until nothing new has been processed for three seconds. Returns how many
     * events reporting had processed by then.
     */
    private long awaitQuiet() {
        long[] seen = {-1};
        long[] stableSince = {System.nanoTime()};
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(500)).until(() -> {
            long processed = run.count("select count(*) from processed_event");
            if (processed != seen[0]) {
                seen[0] = processed;
                stableSince[0] = System.nanoTime();
            }
            return System.nanoTime() - stableSince[0] >= QUIET_NANOS;
        });
        return seen[0];
    }

    /** The middle one by throughput (of three reads). */
    static Baselines.Outcome median(List<Baselines.Outcome> reads) {
        return reads.stream().sorted(Comparator.comparingDouble(Baselines.Outcome::perSecond)).toList()
                .get(reads.size() / 2);
    }

    /** The tables of {@code GET /api/replay/comparison} whose generations differ, with the rows only in each. */
    static List<String> differing(JsonNode comparison) {
        List<String> differing = new ArrayList<>();
        comparison.path("tables").forEach(table -> {
            if (table.path("onlyInLive").asLong() != 0 || table.path("onlyInOther").asLong() != 0) {
                differing.add(table.path("table").asString() + " (rebuilt only " + table.path("onlyInLive").asLong()
                        + ", replaced only " + table.path("onlyInOther").asLong() + ")");
            }
        });
        return differing;
    }
}
