package vn.ntm.bench;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * The sizes of one benchmark run, each read from a system property {@code ntm.bench.<name>}; the defaults are the
 * full run (a province of 100 communes, 1,500 villages; one million stored events for the growth test), sized to
 * finish in about 25 minutes on two cores.
 *
 * @param communes           communes (xã) of the synthetic province, each assessed against the commune set
 * @param villagesPerCommune villages (thôn) per commune: registered, part of the tree, not assessed (their sets are
 *                           skeletons)
 * @param ingest             measurements of the ingest test (1)
 * @param clients            concurrent clients of the closed-loop tests (ingest, growth)
 * @param rate               arrival rate of the latency test (2), measurements per second
 * @param latencySeconds     how long the latency test sends
 * @param growthWrites       measurements written in each half of the growth test (4)
 * @param storedEvents       events in the store for the second half of the growth test
 * @param queries            requests per query in the query test (5)
 * @param profile            record a JFR profile of each service during ingest and latency
 * @param output             where results-&lt;date&gt;.md and .json go
 */
public record BenchmarkSettings(int communes, int villagesPerCommune, int ingest, int clients, int rate,
                                int latencySeconds, int growthWrites, long storedEvents, int queries,
                                boolean profile, Path output) {

    public BenchmarkSettings {
        if (communes < 1 || villagesPerCommune < 0 || ingest < 1 || clients < 1 || rate < 1 || latencySeconds < 1
                || growthWrites < 1 || storedEvents < 0 || queries < 1) {
            throw new IllegalArgumentException("Every size must be positive: " + this);
        }
    }

    public static BenchmarkSettings fromSystemProperties(Path ntmHome) {
        return new BenchmarkSettings(
                property("communes", 100, Integer::parseInt),
                property("villagesPerCommune", 15, Integer::parseInt),
                property("ingest", 5_000, Integer::parseInt),
                property("clients", 8, Integer::parseInt),
                property("rate", 200, Integer::parseInt),
                property("latencySeconds", 30, Integer::parseInt),
                property("growthWrites", 1_000, Integer::parseInt),
                property("storedEvents", 1_000_000L, Long::parseLong),
                property("queries", 100, Integer::parseInt),
                property("profile", false, Boolean::parseBoolean),
                property("output", ntmHome.resolve("docs").resolve("benchmarks"), Path::of));
    }

    /** The communes that take the growth test's writes: a fifth of the province, at least one, per half. */
    public int growthCommunes() {
        return Math.max(1, communes / 5);
    }

    private static <T> T property(String name, T fallback, Function<String, T> parse) {
        String value = System.getProperty("ntm.bench." + name);
        return value == null || value.isBlank() ? fallback : parse.apply(value.trim());
    }
}
