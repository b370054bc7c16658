package vn.ntm.support.scheduling;

import java.time.Duration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;

/** Makes {@link ExclusiveJob}s: a service's scheduled jobs that must run once across its instances. */
public final class ExclusiveJobs {

    private final LockingTaskExecutor executor;

    ExclusiveJobs(LockingTaskExecutor executor) {
        this.executor = executor;
    }

    /**
     * @param name          the lock's name, unique in the service's database ({@code <service>.<job>})
     * @param interval      how often the schedule fires on each instance
     * @param lockAtMostFor longer than a run can take: a second instance could otherwise start it while the first
     *                      still runs; also how long a job whose instance died waits before another runs it
     */
    public ExclusiveJob job(String name, Duration interval, Duration lockAtMostFor, Runnable body) {
        return new ExclusiveJob(name, interval, lockAtMostFor, body, executor);
    }
}
