package vn.ntm.reporting.generations.command;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ntm.reporting.generations.config.ReportingProperties;
import vn.ntm.support.config.InstanceId;
import vn.ntm.support.rules.RuleViolation;

/**
 * The lease that makes a replay one run across every reporting instance (ADR 18). The run's {@code replay_run} row
 * names the instance that runs it and until when its lease holds; a unique index lets only one row be RUNNING or
 * SWAPPING. The runner renews the lease every second and reads, in the same statement, whether any instance asked
 * to cancel. Another instance takes an expired run for abandoned (its process died) and marks it FAILED before
 * starting its own. Every transaction of the runner that writes into the target generation first takes a key-share
 * lock on its run's row ({@link #fence}): while it holds it, nobody can mark the run abandoned (that takes the row
 * for update, skipping locked rows; saving counts and asking to cancel do not wait for it), and once the run has
 * been marked, the runner's next transaction fails instead of writing into a generation another run now fills.
 * Times are the database's, so the instances' clocks do not have to agree.
 */
@Component
public class ReplayLease {

    private static final Logger LOG = LoggerFactory.getLogger(ReplayLease.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Duration lease;
    private final String instance;

    ReplayLease(JdbcTemplate jdbc, TransactionTemplate transaction, ReportingProperties properties,
                InstanceId instance) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.lease = properties.replayLease();
        this.instance = instance.value();
    }

    /** What renewing the lease found: whether this instance still holds it, and whether a cancel was asked for. */
    record Renewal(boolean held, boolean cancelRequested) {
    }

    /** The run has been taken from this instance (its lease had expired and another instance marked it). */
    static final class LeaseLost extends RuntimeException {
        LeaseLost(UUID id) {
            super("replay " + id + " is no longer this instance's: its lease expired and another instance took over");
        }
    }

    /** This instance's name in {@code replay_run.owner_instance}. */
    public String instance() {
        return instance;
    }

    Duration duration() {
        return lease;
    }

    /**
     * Starts run {@code id} into {@code target} as this instance's, after marking runs whose lease has expired as
     * abandoned; refused (409 {@code replay-running}) while another run's lease holds.
     */
    void claim(UUID id, String target, Instant started) {
        try {
            transaction.executeWithoutResult(status -> {
                abandonExpired();
                jdbc.update("""
                        insert into replay_run (replay_id, target_schema, state, started_at, events_done, events_total,
                                                events_skipped, owner_instance, lease_until)
                        values (?, ?, 'RUNNING', ?, 0, 0, 0, ?, now() + ?::interval)""",
                        id, target, Timestamp.from(started), instance, interval());
            });
        } catch (DuplicateKeyException running) {
            List<String[]> other = jdbc.query("""
                    select replay_id::text, owner_instance from replay_run where state in ('RUNNING', 'SWAPPING')""",
                    (rs, n) -> new String[] {rs.getString(1), rs.getString(2)});
            String[] run = other.isEmpty() ? new String[] {"?", "?"} : other.get(0);
            throw RuleViolation.conflict("replay-running", null, run[0], run[1]);
        }
    }

    /**
     * Runs whose lease expired are abandoned: their instance stopped renewing (it died, or stalled longer than the
     * lease). A run whose row the runner holds locked ({@link #fence}) is skipped, never waited for.
     */
    private void abandonExpired() {
        List<String> abandoned = jdbc.queryForList("""
                update replay_run set state = 'FAILED', finished_at = now(),
                    message = 'abandoned: instance ' || coalesce(owner_instance, '?')
                              || ' stopped renewing its lease, which expired at ' || lease_until
                where replay_id in (select replay_id from replay_run
                                    where state in ('RUNNING', 'SWAPPING') and lease_until < now()
                                    for update skip locked)
                returning replay_id::text || ' of ' || coalesce(owner_instance, '?')""", String.class);
        abandoned.forEach(run -> LOG.warn("Replay {} abandoned: its lease expired", run));
    }

    /**
     * Renews the lease of run {@code id} and saves its counts and state; tells whether this instance still holds it
     * and whether a cancel was asked for.
     */
    Renewal renew(UUID id, String state, long done, long total, long skipped) {
        List<Boolean> cancel = jdbc.queryForList("""
                update replay_run set lease_until = now() + ?::interval, state = ?, events_done = ?, events_total = ?,
                    events_skipped = ?
                where replay_id = ? and owner_instance = ? and state in ('RUNNING', 'SWAPPING')
                returning cancel_requested""", Boolean.class, interval(), state, done, total, skipped, id, instance);
        return cancel.isEmpty() ? new Renewal(false, false) : new Renewal(true, cancel.get(0));
    }

    /**
     * In the calling transaction: a key-share lock on run {@code id}'s row, held until the commit, so that no instance
     * can mark it abandoned meanwhile; fails with {@link LeaseLost} when the run is no longer this instance's.
     */
    void fence(UUID id) {
        if (jdbc.queryForList("""
                select replay_id from replay_run
                where replay_id = ? and owner_instance = ? and state in ('RUNNING', 'SWAPPING') for key share""",
                UUID.class, id, instance).isEmpty()) {
            throw new LeaseLost(id);
        }
    }

    /** Asks the running replay, on whichever instance, to stop before its swap; its id, or null when none runs. */
    UUID requestCancel() {
        List<UUID> running = jdbc.queryForList("""
                update replay_run set cancel_requested = true where state = 'RUNNING' returning replay_id""",
                UUID.class);
        return running.isEmpty() ? null : running.get(0);
    }

    private String interval() {
        return lease.toMillis() + " milliseconds";
    }
}
