package vn.ntm.support.axon;

import java.util.concurrent.ScheduledExecutorService;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Retries a command that lost an optimistic-locking race on its aggregate — another instance appended the same
 * sequence number ({@link ConcurrencyException}) or created the same aggregate first
 * ({@link AggregateStreamCreationException}) — and nothing else: a broken rule is final.
 *
 * <p>Axon's {@code nonTransientFailurePredicate} cannot say this: Axon asks it of the failure <em>and of each of its
 * causes</em>, and a lost race always carries the database's duplicate-key error as its cause, which a predicate
 * "anything but a lost race is final" calls final — so no lost race was ever retried (two criteria-service instances
 * answered 409 and 500 under the multi-instance fault suite). Here the whole chain is looked at once.
 */
final class LostRaceRetries extends IntervalRetryScheduler {

    private LostRaceRetries(Builder builder) {
        super(builder);
    }

    /** {@code retries} more tries, {@code intervalMs} apart, on {@code executor}. */
    static LostRaceRetries of(ScheduledExecutorService executor, int retries, int intervalMs) {
        return new LostRaceRetries(IntervalRetryScheduler.builder().retryExecutor(executor)
                .maxRetryCount(retries).retryInterval(intervalMs));
    }

    @Override
    protected boolean isExplicitlyNonTransient(Throwable failure) {
        return !lostRace(failure);
    }

    /** Whether {@code failure} or one of its causes says the command lost a race on its aggregate. */
    static boolean lostRace(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyException || t instanceof AggregateStreamCreationException) {
                return true;
            }
        }
        return false;
    }
}
