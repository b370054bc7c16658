package vn.ntm.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** Commands of a fault suite's stream sent at once, four at a time, so a consumer has records in flight. */
final class Burst {

    private Burst() {
    }

    /** {@code commands} calls of {@code sendNext}, four at a time, done when all have been answered. */
    static Runnable of(Runnable sendNext, int commands) {
        return () -> {
            ExecutorService senders = Executors.newFixedThreadPool(4);
            for (int n = 0; n < commands; n++) {
                senders.submit(sendNext);
            }
            senders.shutdown();
            try {
                assertThat(senders.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }
}
