package vn.ntm.bench;

import static vn.ntm.bench.Progress.round;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import vn.ntm.bench.Results.Figure;
import vn.ntm.bench.Results.Verdict;

/**
 * (1) Ingest: measurement forms as commune officers report them, timed from the first request until reporting's
 * read model holds them all, beside a raw JDBC batch insert of the same rows; then, for comparison, a tenth as many
 * single measurements, one request each.
 */
final class IngestMeasure {

    private final BenchmarkRun run;
    private final MeasurementStream provinceStream;

    IngestMeasure(BenchmarkRun run, MeasurementStream provinceStream) {
        this.run = run;
        this.provinceStream = provinceStream;
    }

    /** {@code rawJdbcUrl}: an empty database of its own for the baseline's table. */
    void measure(String rawJdbcUrl) throws SQLException {
        BenchmarkSettings settings = run.settings;
        // as commune officers report: one form per commune and date, of every indicator of the set
        List<MeasurementStream.Form> forms = provinceStream.forms(settings.ingest());
        run.log("(1) ingest: " + settings.ingest() + " measurements in " + forms.size() + " forms from "
                + settings.clients() + " clients");
        long before = run.measurementsInReporting();
        ClosedLoop.Outcome load = ClosedLoop.runForms(run.http, run.criteriaUrl(), forms, settings.clients());
        run.requireMostlyAccepted("ingest", load);
        run.awaitMeasurementsInReporting(before + load.accepted(), arrivalTimeout(load), Duration.ofMillis(50));
        long visible = System.nanoTime();
        double endToEnd = load.accepted() / ((visible - load.startNanos()) / 1e9);

        List<MeasurementStream.Measurement> rows = forms.stream().flatMap(f -> f.items().stream()).toList();
        Baselines.Outcome raw = Baselines.jdbcBatchInsert(rawJdbcUrl, run.platform.postgres().user(),
                run.platform.postgres().password(), rows);
        double ratio = endToEnd / raw.perSecond();
        run.results.add(new Figure("1", "ingest, end to end (API → event store → Kafka → reporting read model)",
                endToEnd, "measurements/s", null, "raw JDBC batch insert of the same rows: "
                + Results.number(raw.perSecond()) + "/s", ratio, "≥ 0.25 of raw JDBC",
                Results.atLeast(ratio, 0.25),
                load.accepted() + " measurements in " + forms.size() + " measurement forms (one commune, one date, "
                        + "up to " + forms.get(0).items().size() + " indicators each; POST …/measurement-forms, one "
                        + "command each) from " + settings.clients() + " concurrent clients, timed from the first "
                        + "request until reporting's measurement_history holds them all; the baseline inserts the "
                        + "same rows into a table of the same shape and index with JDBC batches of 1,000 "
                        + "(reWriteBatchedInserts)"));
        run.results.add(new Figure("1", "ingest, accepted by criteria-service's API", load.perSecond(),
                "measurements/s", null, null, null, null, Verdict.INFO,
                "the same run, timed until the last form was answered (event store written, not yet on Kafka)"));
        run.results.details().put("ingest", Map.of("measurements", load.accepted(), "forms", forms.size(),
                "refused", load.refused(), "apiSeconds", load.seconds(),
                "endToEndSeconds", (visible - load.startNanos()) / 1e9,
                "rawJdbcSeconds", raw.seconds(), "rawJdbcPerSecond", raw.perSecond()));
        run.log("(1) ingest: " + round(endToEnd) + "/s end to end (" + round(load.perSecond()) + "/s accepted), "
                + "raw JDBC " + round(raw.perSecond()) + "/s, ratio " + Results.number(ratio));
        onePerRequest();
    }

    /** For comparison, a tenth as many measurements through the single endpoint, one request each. */
    private void onePerRequest() throws SQLException {
        BenchmarkSettings settings = run.settings;
        int count = Math.max(settings.clients(), settings.ingest() / 10);
        long before = run.measurementsInReporting();
        ClosedLoop.Outcome load = ClosedLoop.run(run.http, run.criteriaUrl(), provinceStream, count,
                settings.clients());
        run.requireMostlyAccepted("ingest, one measurement per request", load);
        run.awaitMeasurementsInReporting(before + load.accepted(), arrivalTimeout(load), Duration.ofMillis(50));
        double endToEnd = load.accepted() / Progress.seconds(load.startNanos());
        run.results.add(new Figure("1", "ingest, one measurement per request, end to end", endToEnd,
                "measurements/s", null, null, null, null, Verdict.INFO, load.accepted() + " single measurements "
                + "(POST …/measurements) from " + settings.clients() + " clients right after the forms, timed as "
                + "above; accepted by the API: " + Results.number(load.perSecond()) + "/s"));
        run.results.details().put("ingestOnePerRequest", Map.of("measurements", load.accepted(),
                "refused", load.refused(), "apiSeconds", load.seconds(), "endToEndPerSecond", endToEnd));
        run.log("(1) ingest, one measurement per request: " + round(endToEnd) + "/s end to end ("
                + round(load.perSecond()) + "/s accepted)");
    }

    /** Five measurements a second at the least, and never less than five minutes. */
    private static Duration arrivalTimeout(ClosedLoop.Outcome load) {
        return Duration.ofSeconds(Math.max(300, load.accepted() / 5));
    }
}
