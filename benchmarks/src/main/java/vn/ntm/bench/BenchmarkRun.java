package vn.ntm.bench;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import vn.ntm.launcher.Platform;

/**
 * What every measure of one run shares: the started platform, the sizes, the synthetic province, the results so far
 * and the progress log, with the few steps several measures take (counting what reporting holds, refusing a load
 * that was mostly refused).
 */
final class BenchmarkRun implements AutoCloseable {

    /** The commune criteria set every synthetic commune is assessed against. */
    static final String SET = "VN-XA-NTM-2021-2025";

    private static final String HISTORY = "select count(*) from measurement_history";

    final BenchmarkSettings settings;
    final SyntheticProvince province;
    final Results results;
    final Http http;
    final Progress progress;
    final Clock clock;
    final Platform platform;
    final Path workDir;
    final Connection reportingDb;

    private BenchmarkRun(BenchmarkSettings settings, SyntheticProvince province, Results results, Http http,
                         Progress progress, Clock clock, Platform platform, Path workDir, Connection reportingDb) {
        this.settings = settings;
        this.province = province;
        this.results = results;
        this.http = http;
        this.progress = progress;
        this.clock = clock;
        this.platform = platform;
        this.workDir = workDir;
        this.reportingDb = reportingDb;
    }

    /** The run on the started platform, with a connection to reporting's database that {@link #close()} closes. */
    static BenchmarkRun open(BenchmarkSettings settings, SyntheticProvince province, Results results, Http http,
                             Progress progress, Clock clock, Platform platform, Path workDir) throws SQLException {
        Connection reportingDb = DriverManager.getConnection(
                platform.postgres().jdbcUrl(platform.settings().database("reporting")), platform.postgres().user(),
                platform.postgres().password());
        return new BenchmarkRun(settings, province, results, http, progress, clock, platform, workDir, reportingDb);
    }

    @Override
    public void close() throws SQLException {
        reportingDb.close();
    }

    /** Today in Vietnam, where the services' calendar dates turn. */
    LocalDate today() {
        return Benchmark.today(clock);
    }

    void log(String message) {
        progress.log(message);
    }

    String criteriaUrl() {
        return platform.criteria().baseUrl();
    }

    String reportingUrl() {
        return platform.reporting().baseUrl();
    }

    /** A connection to the service's own database ("criteria", "reporting", ...). */
    Connection connect(String service) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(service), platform.postgres().user(), platform.postgres().password());
    }

    /** The JDBC URL of the service's own database. */
    String jdbcUrl(String service) {
        return platform.postgres().jdbcUrl(platform.settings().database(service));
    }

    /** A count over reporting's database. */
    long count(String sql) throws SQLException {
        return StoreSeeder.count(reportingDb, sql);
    }

    /** Rows in reporting's measurement history: a measurement counts as arrived once its row is there. */
    long measurementsInReporting() throws SQLException {
        return count(HISTORY);
    }

    void awaitMeasurementsInReporting(long target, Duration atMost, Duration pollInterval) {
        await().atMost(atMost).pollInterval(pollInterval).until(() -> measurementsInReporting() >= target);
    }

    /** Notes any refusal; stops the run when more than 1% of a load was refused (or nothing was accepted). */
    void requireMostlyAccepted(String test, ClosedLoop.Outcome load) {
        if (load.refused() > 0) {
            results.note(test + ": " + load.refused() + " measurements refused, first: " + load.firstRefusal());
        }
        if (!mostlyAccepted(load.accepted(), load.refused())) {
            throw new IllegalStateException(test + ": more than 1% refused (" + load.refused() + "), first: "
                    + load.firstRefusal());
        }
    }

    static boolean mostlyAccepted(int accepted, int refused) {
        return accepted > 0 && refused * 100L <= (long) (accepted + refused);
    }
}
