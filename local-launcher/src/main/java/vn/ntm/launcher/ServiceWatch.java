package vn.ntm.launcher;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Notices when a service the platform started dies without being asked to (a crash, an out-of-memory kill, a
 * {@code kill -9} from outside), says so in one line — which service, its port, the exit code, its log file — and
 * starts it again; at most {@code maxRestarts} times within {@code window} per service, after which it says it gave up
 * and leaves the port closed (a service that keeps dying needs a person, not a loop). Stops and kills the platform or
 * a test asks for are not deaths.
 */
final class ServiceWatch implements AutoCloseable {

    static final int MAX_RESTARTS = 3;
    static final Duration WINDOW = Duration.ofMinutes(10);

    private final int maxRestarts;
    private final Duration window;
    private final Duration readyTimeout;
    private final Consumer<String> say;
    private final Clock clock;
    private final Map<String, Deque<Instant>> restarts = new HashMap<>();
    private final ExecutorService restarter = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ntm-service-watch");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param say where the lines for people go (the console for the run command)
     */
    ServiceWatch(int maxRestarts, Duration window, Duration readyTimeout, Consumer<String> say, Clock clock) {
        this.maxRestarts = maxRestarts;
        this.window = window;
        this.readyTimeout = readyTimeout;
        this.say = say;
        this.clock = clock;
    }

    void watch(ServiceProcess service) {
        service.onUnexpectedExit(this::died);
    }

    void unwatch(ServiceProcess service) {
        service.onUnexpectedExit(null);
    }

    private void died(ServiceProcess service, long pid, int exitCode) {
        String what = String.format("%s (port %d, pid %d) died with exit code %d; its log: %s", service.name(),
                service.port(), pid, exitCode, service.logFile());
        int restart = recordRestart(service.name());
        if (restart == 0) {
            say.accept(what + ". It died " + (maxRestarts + 1) + " times within " + window.toMinutes()
                    + " minutes: gave up, not starting it again (restart the platform once the log shows why).");
            return;
        }
        say.accept(what + ". Starting it again (restart " + restart + " of " + maxRestarts + " within "
                + window.toMinutes() + " minutes).");
        restarter.execute(() -> {
            try {
                if (service.restartAfterDeath(pid)) {
                    service.awaitReady(readyTimeout);
                    say.accept(service.name() + " is back at " + service.baseUrl() + ".");
                }
            } catch (RuntimeException e) {
                // died again while starting: that death is reported (and counted) on its own
            }
        });
    }

    /** The number of this restart within the window, or 0 when the budget is spent. */
    private synchronized int recordRestart(String service) {
        Instant now = clock.instant();
        Deque<Instant> recent = restarts.computeIfAbsent(service, s -> new ArrayDeque<>());
        while (!recent.isEmpty() && recent.peekFirst().isBefore(now.minus(window))) {
            recent.removeFirst();
        }
        if (recent.size() >= maxRestarts) {
            return 0;
        }
        recent.addLast(now);
        return recent.size();
    }

    @Override
    public void close() {
        restarter.shutdownNow();
    }
}
