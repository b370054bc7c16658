package vn.ntm.reporting.generations.command;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How replays are doing: the one this instance runs in memory (rate, seconds left), every one in {@code replay_run},
 * saved every second as it goes (with its lease, {@link ReplayLease}) and when it ends, so any instance can show a
 * run another instance is doing, and the last one's outcome survives a restart.
 */
@Component
public class ReplayRuns {

    private final JdbcTemplate jdbc;
    private final ReadModelGenerations generations;
    private final Clock clock;
    private final ReplayLease lease;
    private final AtomicReference<Progress> progress = new AtomicReference<>();

    ReplayRuns(JdbcTemplate jdbc, ReadModelGenerations generations, Clock clock, ReplayLease lease) {
        this.jdbc = jdbc;
        this.generations = generations;
        this.clock = clock;
        this.lease = lease;
    }

    /**
     * How a replay is doing.
     *
     * @param state         IDLE (none yet), RUNNING, SWAPPING, DONE, FAILED or CANCELLED
     * @param eventsTotal   records on the topics from their start to their end as last looked at (grows while live
     *                      events keep arriving)
     * @param eventsSkipped records that are not readable integration events (they went to the dead-letter topic live)
     * @param secondsLeft   at the rate so far; null until there is a rate
     * @param instance      the reporting instance that runs (or ran) it
     * @param leaseUntil    while it runs: until when its instance's lease holds unless renewed (every second)
     */
    public record Progress(UUID replayId, String state, String targetGeneration, String liveGeneration,
                           Instant startedAt, Instant finishedAt, long eventsDone, long eventsTotal,
                           long eventsSkipped, double ratePerSecond, Long secondsLeft, String message,
                           String instance, Instant leaseUntil) {

        boolean running() {
            return state.equals("RUNNING") || state.equals("SWAPPING");
        }
    }

    /** What a running replay has counted so far. */
    static final class Counters {
        long done;
        long total;
        long skipped;
    }

    /** The replay running in this process, or the last one it ran; null before its first. */
    Progress current() {
        return progress.get();
    }

    /**
     * The running or last replay: the one this instance runs from memory, otherwise the latest in
     * {@code replay_run} (run by another instance, or before a restart), its rate from its saved counts.
     */
    public Progress progress() {
        Progress current = progress.get();
        if (current != null && current.running()) {
            return current;
        }
        Instant now = clock.instant();
        List<Progress> last = jdbc.query("""
                select replay_id, state, target_schema, started_at, finished_at, events_done, events_total,
                       events_skipped, message, owner_instance, lease_until
                from replay_run order by started_at desc limit 1""",
                (rs, n) -> {
                    Instant started = rs.getTimestamp(4).toInstant();
                    Instant finished = rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant();
                    long done = rs.getLong(6);
                    long total = Math.max(done, rs.getLong(7));
                    double seconds = Math.max(0.001,
                            Duration.between(started, finished == null ? now : finished).toMillis() / 1000.0);
                    double rate = done / seconds;
                    Long left = finished != null ? Long.valueOf(0) : rate > 0 ? Math.round((total - done) / rate) : null;
                    return new Progress(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            generations.live(), started, finished, done, total, rs.getLong(8),
                            Math.round(rate * 10) / 10.0, left, rs.getString(9), rs.getString(10),
                            finished == null && rs.getTimestamp(11) != null ? rs.getTimestamp(11).toInstant() : null);
                });
        return last.isEmpty()
                ? new Progress(null, "IDLE", null, generations.live(), null, null, 0, 0, 0, 0, null, null, null, null)
                : last.get(0);
    }

    /**
     * A new replay into {@code target} while {@code live} is live, run by this instance from now; refused while
     * another instance's replay holds its lease.
     */
    Progress begin(UUID id, String target, String live) {
        Instant started = clock.instant();
        lease.claim(id, target, started);
        Progress begun = new Progress(id, "RUNNING", target, live, started, null, 0, 0, 0, 0, null, null,
                lease.instance(), started.plus(lease.duration()));
        progress.set(begun);
        return begun;
    }

    /** The replay's progress in memory: counts, rate and seconds left at that rate. */
    void report(UUID id, String target, String state, Counters counters, String message) {
        Progress before = progress.get();
        Instant now = clock.instant();
        double seconds = Math.max(0.001, Duration.between(before.startedAt(), now).toMillis() / 1000.0);
        double rate = counters.done / seconds;
        long total = Math.max(counters.total, counters.done);
        Long left = rate > 0 ? Math.round((total - counters.done) / rate) : null;
        boolean over = state.equals("DONE") || state.equals("FAILED") || state.equals("CANCELLED");
        progress.set(new Progress(id, state, target, generations.live(), before.startedAt(), over ? now : null,
                counters.done, total, counters.skipped, Math.round(rate * 10) / 10.0, over ? Long.valueOf(0) : left,
                message, lease.instance(), over ? null : now.plus(lease.duration())));
    }

    /** The replay's end, in memory and in {@code replay_run}. */
    void finish(UUID id, String target, String state, Counters counters, String message) {
        report(id, target, state, counters, message);
        save(id, state, counters, message);
    }

    /**
     * The replay's counts so far in {@code replay_run}, renewing its lease; tells whether this instance still holds
     * it and whether any instance asked to cancel.
     */
    ReplayLease.Renewal renew(UUID id, String state, Counters counters) {
        return lease.renew(id, state, counters.done, progress.get().eventsTotal(), counters.skipped);
    }

    /** The replay's end in {@code replay_run} (a run another instance took over is left as that one marked it). */
    void save(UUID id, String state, Counters counters, String message) {
        Progress p = progress.get();
        jdbc.update("""
                update replay_run set state = ?, events_done = ?, events_total = ?, events_skipped = ?, message = ?,
                    finished_at = ?, lease_until = null
                where replay_id = ? and owner_instance = ? and state in ('RUNNING', 'SWAPPING')""",
                state, counters.done, p.eventsTotal(), counters.skipped, message,
                p.finishedAt() == null ? null : Timestamp.from(p.finishedAt()), id, lease.instance());
    }
}
