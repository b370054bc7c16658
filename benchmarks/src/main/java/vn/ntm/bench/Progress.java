package vn.ntm.bench;

/** The run's progress lines, each stamped with the minutes and seconds since the run began. */
final class Progress {

    private final long started = System.nanoTime();

    void log(String message) {
        long s = (System.nanoTime() - started) / 1_000_000_000L;
        System.out.printf("[bench %02d:%02d] %s%n", s / 60, s % 60, message);
    }

    /** Seconds since the run began. */
    double elapsed() {
        return seconds(started);
    }

    /** Seconds since {@code since}, a {@link System#nanoTime()}. */
    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** How a figure reads in a progress line. */
    static String round(double value) {
        return Results.number(value);
    }

    /** Latency percentiles as the table and the progress lines show them. */
    static String percentiles(Percentiles p) {
        return "p50 " + Results.number(p.p50()) + " · p95 " + Results.number(p.p95()) + " · p99 "
                + Results.number(p.p99()) + " ms";
    }
}
