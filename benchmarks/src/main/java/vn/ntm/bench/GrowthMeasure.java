package vn.ntm.bench;

import static vn.ntm.bench.Progress.round;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import vn.ntm.bench.Results.Figure;

/**
 * (4) Growth: write throughput of fresh assessments on an all but empty event store (4a, first of all tests) and
 * with the store grown to {@code ntm.bench.storedEvents} events (4b, last), each half on communes of its own.
 */
final class GrowthMeasure {

    /** One half: the closed-loop load and how many events criteria-service had stored before it. */
    record Half(ClosedLoop.Outcome load, long eventsStored) {
    }

    private final BenchmarkRun run;
    private final CriteriaSetInUse set;

    GrowthMeasure(BenchmarkRun run, CriteriaSetInUse set) {
        this.run = run;
        this.set = set;
    }

    /** (4a) before anything else is measured; its sequences start at 10,000,000 so they meet no other stream. */
    Half onEmptyStore() throws SQLException {
        return half("4a", set.stream(run.province.growthA(), 10_000_000L), "empty store");
    }

    /** (4b) grows the store in SQL, writes as 4a did, and records the figure comparing both halves. */
    void withStoredEvents(Half emptyStore) throws SQLException {
        BenchmarkSettings settings = run.settings;
        run.log("(4b) growing criteria-service's event store to " + settings.storedEvents() + " events");
        StoreSeeder.Outcome seeded = StoreSeeder.seed(run.jdbcUrl("criteria"), run.platform.postgres().user(),
                run.platform.postgres().password(), settings.storedEvents());
        run.log("(4b) seeded " + seeded.eventsSeeded() + " events and " + seeded.logRowsSeeded() + " log rows in "
                + round(seeded.seconds()) + " s");
        Half full = half("4b", set.stream(run.province.growthB(), 20_000_000L), "grown store");
        double ratio = full.load().perSecond() / emptyStore.load().perSecond();
        run.results.add(new Figure("4", "growth: write throughput with " + String.format("%,d", full.eventsStored())
                + " events stored", full.load().perSecond(), "measurements/s", null,
                "with " + String.format("%,d", emptyStore.eventsStored()) + " events stored (empty store): "
                        + Results.number(emptyStore.load().perSecond()) + "/s", ratio, "≥ 0.8",
                Results.atLeast(ratio, 0.8),
                settings.growthWrites() + " measurements from " + settings.clients() + " clients on fresh "
                        + "assessments of " + run.province.growthA().size() + " communes in each half (group A "
                        + "before everything else, group B last), timed until the last was accepted. The store was "
                        + "grown by copying the run's own events in SQL (" + seeded.eventsSeeded() + " events and "
                        + seeded.logRowsSeeded() + " assessment-log rows in " + round(seeded.seconds())
                        + " s) with negative global indexes, so the Kafka publisher does not republish them; "
                        + "see StoreSeeder"));
        run.results.details().put("seeding", Map.of("eventsBefore", seeded.eventsBefore(), "eventsSeeded",
                seeded.eventsSeeded(), "logRowsSeeded", seeded.logRowsSeeded(), "seconds", seeded.seconds()));
    }

    private Half half(String section, MeasurementStream stream, String what) throws SQLException {
        long events;
        try (Connection criteria = run.connect("criteria")) {
            events = StoreSeeder.count(criteria, "select count(*) from domain_event_entry");
        }
        run.log("(" + section + ") growth, " + what + " (" + events + " events stored): "
                + run.settings.growthWrites() + " measurements");
        long before = run.measurementsInReporting();
        ClosedLoop.Outcome load = ClosedLoop.run(run.http, run.criteriaUrl(), stream, run.settings.growthWrites(),
                run.settings.clients());
        run.requireMostlyAccepted("growth", load);
        // the next test counts reporting's rows: let these arrive first
        run.awaitMeasurementsInReporting(before + load.accepted(), Duration.ofMinutes(10), Duration.ofMillis(100));
        run.results.details().put("growth" + section, Map.of("eventsStored", events, "measurements", load.accepted(),
                "seconds", load.seconds(), "perSecond", load.perSecond()));
        run.log("(" + section + ") " + round(load.perSecond()) + " measurements/s accepted");
        return new Half(load, events);
    }
}
