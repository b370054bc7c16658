package vn.ntm.support.messaging.store;

import org.springframework.context.SmartLifecycle;

/**
 * A check that runs once as the service starts, before Axon's processors (so the publisher cannot cover a restored
 * store's gap with new events first), and again whenever readiness finds its verdict stale.
 */
abstract class CheckAtStart implements SmartLifecycle {

    /** Axon starts its processors at {@code Integer.MAX_VALUE - 3072} (SpringAxonConfiguration): this runs first. */
    static final int PHASE = Integer.MAX_VALUE - 4096;

    private volatile boolean running;

    /** Looks again and keeps the verdict. */
    abstract Object check();

    @Override
    public void start() {
        running = true;
        check();
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
