package vn.ntm.support.scheduling;

import java.time.Duration;
import java.time.Instant;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;

/**
 * A scheduled job that runs on one instance of a service at a time, and once per interval across them: it runs only
 * while holding ShedLock's lock named {@link #name()} (a row of the {@code shedlock} table), held at least half an
 * interval (never more than at most), so that an instance whose schedule fires a moment after another's skips the
 * round, and at most {@code lockAtMostFor}, so that a job whose instance died is run again by another after that long.
 */
public final class ExclusiveJob implements Runnable {

    private final String name;
    private final Duration lockAtLeastFor;
    private final Duration lockAtMostFor;
    private final Runnable body;
    private final LockingTaskExecutor executor;

    ExclusiveJob(String name, Duration interval, Duration lockAtMostFor, Runnable body, LockingTaskExecutor executor) {
        this.name = name;
        Duration half = interval.dividedBy(2);
        this.lockAtLeastFor = half.compareTo(lockAtMostFor) < 0 ? half : lockAtMostFor;
        this.lockAtMostFor = lockAtMostFor;
        this.body = body;
        this.executor = executor;
    }

    public String name() {
        return name;
    }

    /** Runs the job if no instance holds its lock; true when it ran here. */
    public boolean runIfFree() {
        try {
            return executor.executeWithLock((LockingTaskExecutor.TaskWithResult<Void>) () -> {
                body.run();
                return null;
            }, new LockConfiguration(Instant.now(), name, lockAtMostFor, lockAtLeastFor)).wasExecuted();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the scheduler calls. */
    @Override
    public void run() {
        runIfFree();
    }
}
