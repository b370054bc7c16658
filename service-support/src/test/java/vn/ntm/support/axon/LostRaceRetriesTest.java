package vn.ntm.support.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Which failed commands are tried again. Catches: a scheduler that asks Axon's predicate of each cause (a lost race
 * always carries the database's duplicate-key error, so it was never retried — as before this class), one that does
 * not retry the loser of a race to create an aggregate (answered 500 by a second instance), and one that retries a
 * broken rule or retries forever.
 */
class LostRaceRetriesTest {

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final LostRaceRetries retries = LostRaceRetries.of(executor, 3, 10);
    private final CommandMessage<?> command = GenericCommandMessage.asCommandMessage("record a measurement");

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void aLostAppendRaceIsTriedAgainThoughItsCauseIsTheDatabasesDuplicateKeyError() {
        var failure = new ConcurrencyException("sequence 7 taken",
                new IllegalStateException("persistence", new SQLException("duplicate key value", "23505")));
        assertRetried(failure);
    }

    @Test
    void losingTheRaceToCreateAnAggregateIsTriedAgain() {
        assertRetried(new AggregateStreamCreationException("Cannot reuse aggregate identifier"));
    }

    @Test
    void aBrokenRuleIsFinal() {
        AtomicInteger runs = new AtomicInteger();
        assertThat(retries.scheduleRetry(command, new IllegalArgumentException("value out of range"),
                failures(1), runs::incrementAndGet)).isFalse();
        assertThat(runs).hasValue(0);
    }

    @Test
    void aRaceLostThreeTimesMoreIsGivenUp() {
        assertThat(retries.scheduleRetry(command, new ConcurrencyException("again"), failures(4), () -> { }))
                .isFalse();
    }

    private void assertRetried(RuntimeException failure) {
        AtomicInteger runs = new AtomicInteger();
        assertThat(retries.scheduleRetry(command, failure, failures(1), runs::incrementAndGet)).isTrue();
        await().untilAtomic(runs, org.hamcrest.Matchers.is(1));
    }

    @SuppressWarnings("unchecked")
    private static List<Class<? extends Throwable>[]> failures(int count) {
        List<Class<? extends Throwable>[]> failures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            failures.add(new Class[] {ConcurrencyException.class});
        }
        return failures;
    }
}
