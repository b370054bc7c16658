package vn.ntm.bench;

import static vn.ntm.bench.Progress.percentiles;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import vn.ntm.bench.Results.Figure;
import vn.ntm.bench.Results.Verdict;

/**
 * (5) Queries, one at a time after a warm-up: a commune's timeline, the province's criteria matrix as of a date, and
 * the same matrix with every indicator cell.
 */
final class QueryMeasure {

    private static final int WARM_UP_REQUESTS = 10;
    private static final int DATES = 16;

    private final BenchmarkRun run;
    private final CriteriaSetInUse set;

    QueryMeasure(BenchmarkRun run, CriteriaSetInUse set) {
        this.run = run;
        this.set = set;
    }

    void measure() {
        String reporting = run.reportingUrl();
        int queries = run.settings.queries();
        Random random = new Random(8);
        List<SyntheticProvince.Unit> communes = run.province.communes();
        Percentiles timeline = timed(queries, () -> run.http.get(reporting + "/api/units/"
                + communes.get(random.nextInt(communes.size())).id() + "/timeline").require(200));
        run.results.add(new Figure("5", "query: one unit's timeline (/api/units/{id}/timeline)", timeline.p95(), "ms",
                percentiles(timeline), null, null, null, Verdict.INFO,
                queries + " requests for random communes, one at a time, after 10 warm-up requests"));
        List<LocalDate> dates = spread(set.firstDay(), set.lastDay(), DATES);
        String asOfSomeDate = reporting + "/api/matrix?criteriaSet=" + BenchmarkRun.SET + "&asOf=";
        int[] matrixBytes = new int[2];
        Percentiles matrix = timed(queries, () -> matrixBytes[0] = run.http.get(asOfSomeDate
                + dates.get(random.nextInt(dates.size()))).require(200).body().length());
        run.results.add(new Figure("5", "query: province criteria matrix as of a date (/api/matrix)", matrix.p95(),
                "ms", percentiles(matrix), null, null, "p95 ≤ 150 ms", Results.atMost(matrix.p95(), 150),
                queries + " requests, one at a time after 10 warm-up requests, for the whole province ("
                        + run.province.registrationOrder().size() + " units × the set and its criteria) against "
                        + BenchmarkRun.SET + ", as of one of 16 dates spread over the set's period; answers of about "
                        + matrixBytes[0] / 1024 + " KiB"));
        Percentiles withIndicators = timed(queries, () -> matrixBytes[1] = run.http.get(asOfSomeDate
                + dates.get(random.nextInt(dates.size())) + "&indicators=true").require(200).body().length());
        run.results.add(new Figure("5", "query: the same matrix with every indicator cell "
                + "(/api/matrix?indicators=true)", withIndicators.p95(), "ms", percentiles(withIndicators), null,
                null, null, Verdict.INFO, "what an integration pulling every cell of the province waits; answers of "
                + "about " + matrixBytes[1] / 1024 + " KiB (the dashboard asks for one unit's indicators at a time)"));
        run.results.details().put("queries", Map.of("timeline", timeline, "matrix", matrix,
                "matrixResponseBytes", matrixBytes[0], "matrixWithIndicators", withIndicators,
                "matrixWithIndicatorsResponseBytes", matrixBytes[1]));
        run.log("(5) queries p50/p95/p99: timeline " + percentiles(timeline) + ", matrix " + percentiles(matrix)
                + ", matrix with indicators " + percentiles(withIndicators));
    }

    /** {@code count} dates evenly spread over the period, the last of them its last day, none its first. */
    static List<LocalDate> spread(LocalDate first, LocalDate last, int count) {
        long span = last.toEpochDay() - first.toEpochDay();
        return IntStream.range(0, count).mapToObj(i -> first.plusDays((i + 1) * span / count)).toList();
    }

    /** The query's durations in milliseconds over {@code runs} requests, after the warm-up ones. */
    private static Percentiles timed(int runs, Runnable query) {
        for (int i = 0; i < WARM_UP_REQUESTS; i++) {
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
}
