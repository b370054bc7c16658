package vn.ntm.reporting.generations.command;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ntm.contracts.Envelope;
import vn.ntm.support.messaging.IdempotentConsumer;

/**
 * The two generations of read models (schemas {@code rm_blue} and {@code rm_green}, ADR 7): the live one, which the
 * Kafka consumers fold events into and the {@code public} views show, and the other one, which a replay rebuilds.
 *
 * <p>Every write runs in a transaction whose {@code search_path} starts with its generation, so projections name
 * tables without a schema. A live write holds a share lock on the generation row; the swap takes it exclusively, so
 * no live write can land in the old generation after the new one has caught up.
 */
@Component
public class ReadModelGenerations {

    public static final String BLUE = "rm_blue";
    public static final String GREEN = "rm_green";
    static final Duration VIEW_LOCK_TIMEOUT = Duration.ofMillis(200);
    static final int VIEW_SWAP_ATTEMPTS = 50;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final IdempotentConsumer consumer;

    ReadModelGenerations(JdbcTemplate jdbc, TransactionTemplate transaction, IdempotentConsumer consumer) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.consumer = consumer;
    }

    /** The generation the consumers write to and the views show. */
    public String live() {
        return jdbc.queryForObject("select live_schema from read_model_generation", String.class);
    }

    public static String other(String generation) {
        return BLUE.equals(generation) ? GREEN : BLUE;
    }

    /**
     * A poll of a live consumer: its events folded into the live generation at most once each (by event id), in one
     * transaction that holds the share lock on the generation row from its start to its commit; {@code committed}
     * hears of each new event once it is committed. A record that cannot be folded is named by a
     * {@link org.springframework.kafka.listener.BatchListenerFailedException} once those before it are committed
     * (see {@link IdempotentConsumer#handlePoll}).
     */
    public void applyLive(String consumerName, List<byte[]> poll, Replay.Fold fold,
                          Consumer<Envelope<?>> committed) {
        consumer.handlePoll(consumerName, poll, this::holdLive, fold::acceptAll, committed);
    }

    /**
     * In the calling transaction: the share lock and the search path of the live generation, in one round trip (a
     * check constraint keeps live_schema to the two generations).
     */
    private void holdLive() {
        jdbc.queryForObject("""
                select set_config('search_path', live_schema || ', public', true)
                from read_model_generation for share""", String.class);
    }

    /** Runs {@code work} in a transaction that writes into {@code generation}. */
    <T> T inGeneration(String generation, Supplier<T> work) {
        return transaction.execute(status -> {
            useGeneration(generation);
            return work.get();
        });
    }

    /**
     * Makes {@code generation} live, in the calling transaction: waits for live writes in flight, runs
     * {@code catchUp} (which must bring the generation level with every event a live write has committed, on any
     * instance: it reads the topics up to their end), then points the views at it and runs {@code done} (the run's
     * record), all in one transaction. Every instance's live consumers read the live generation from the row in each
     * poll's transaction ({@link #holdLive}), never from memory, so they all write into the new one from the commit.
     */
    void swapTo(String generation, Runnable catchUp, Runnable done) {
        transaction.executeWithoutResult(status -> {
            String live = jdbc.queryForObject("select live_schema from read_model_generation for update", String.class);
            useGeneration(generation);
            catchUp.run();
            jdbc.execute("set local search_path to public");
            pointViewsAt(status, generation);
            jdbc.update("update read_model_generation set live_schema = ?, previous_schema = ?, swapped_at = now()",
                    generation, live);
            done.run();
        });
    }

    /**
     * Points the {@code public} views at the generation. Replacing a view takes an exclusive lock on it, and a report
     * that reads two views (a timeline reads {@code status_history} and {@code rollup_status_history}) may hold one
     * while it waits for the other: PostgreSQL would end one of the two with "deadlock detected", and it was the report
     * that failed. So the swap waits for each lock only briefly ({@link #VIEW_LOCK_TIMEOUT}, well below PostgreSQL's
     * one-second deadlock check) and, when a report is in the way, undoes what it replaced (a savepoint: its locks go
     * with it, the report goes on) and tries again. The caught-up generation and the lock that keeps live writes out
     * stay held meanwhile.
     */
    private void pointViewsAt(TransactionStatus status, String generation) {
        jdbc.execute("set local lock_timeout = '" + VIEW_LOCK_TIMEOUT.toMillis() + "ms'");
        for (int attempt = 1; ; attempt++) {
            Object savepoint = status.createSavepoint();
            try {
                jdbc.queryForObject("select ntm_point_views_at(?)::text", String.class, generation);
                status.releaseSavepoint(savepoint);
                break;
            } catch (DataAccessException e) {
                if (!readerInTheWay(e)) {
                    throw e;
                }
                status.rollbackToSavepoint(savepoint);
                if (attempt == VIEW_SWAP_ATTEMPTS) {
                    throw e;
                }
                LockSupport.parkNanos(VIEW_LOCK_TIMEOUT.toNanos() / 4 * attempt);
            }
        }
        jdbc.execute("set local lock_timeout = 0");
    }

    /** A lock not granted in time (55P03) or a deadlock (40P01): somebody reads the view, try again. */
    private static boolean readerInTheWay(DataAccessException e) {
        return e instanceof PessimisticLockingFailureException
                || e.getMostSpecificCause() instanceof java.sql.SQLException sql
                && ("55P03".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState()));
    }

    /** Empties a generation that is not live, before a replay fills it. */
    void truncate(String generation) {
        if (generation.equals(live())) {
            throw new IllegalStateException("the live generation is never truncated");
        }
        String tables = String.join(", ", jdbc.queryForList(
                "select format('%I.%I', schemaname, tablename) from pg_tables where schemaname = ?", String.class,
                checked(generation)));
        jdbc.execute("truncate " + tables);
    }

    private void useGeneration(String generation) {
        jdbc.execute("set local search_path to " + checked(generation) + ", public");
    }

    static String checked(String generation) {
        if (!BLUE.equals(generation) && !GREEN.equals(generation)) {
            throw new IllegalArgumentException("not a read-model generation: " + generation);
        }
        return generation;
    }
}
