package vn.ntm.bench;

import java.util.Arrays;

/** Latencies in milliseconds, summarised by nearest-rank percentiles. */
public record Percentiles(int count, double p50, double p95, double p99, double max) {

    public static Percentiles of(double[] millis) {
        if (millis.length == 0) {
            return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        return new Percentiles(sorted.length, rank(sorted, 50), rank(sorted, 95), rank(sorted, 99),
                sorted[sorted.length - 1]);
    }

    /** Nearest rank: the smallest value with at least p% of the values at or below it. */
    static double rank(double[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
