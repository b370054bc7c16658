package vn.ntm.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A fixed number of clients, each sending its next measurement as soon as the previous one is answered: the
 * platform's write throughput, as many measurements per second as it accepts.
 */
final class ClosedLoop {

    /** What a closed-loop run did; times are System.nanoTime(). */
    record Outcome(int accepted, int refused, String firstRefusal, long startNanos, long endNanos) {
        double perSecond() {
            return accepted / ((endNanos - startNanos) / 1e9);
        }

        double seconds() {
            return (endNanos - startNanos) / 1e9;
        }
    }

    private ClosedLoop() {
    }

    static Outcome run(Http http, String criteriaUrl, MeasurementStream stream, int count, int clients) {
        AtomicInteger remaining = new AtomicInteger(count);
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicReference<String> firstRefusal = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                running.add(pool.submit(() -> {
                    while (remaining.getAndDecrement() > 0) {
                        MeasurementStream.Measurement m = stream.next();
                        Http.Response response = http.post(url(criteriaUrl, m), m.request());
                        if (response.status() == 201) {
                            accepted.incrementAndGet();
                        } else {
                            refused.incrementAndGet();
                            firstRefusal.compareAndSet(null, response.status() + " " + response.body());
                        }
                    }
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("A client failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new Outcome(accepted.get(), refused.get(), firstRefusal.get(), start, System.nanoTime());
    }

    static String url(String criteriaUrl, MeasurementStream.Measurement m) {
        return criteriaUrl + "/api/units/" + m.unitId() + "/measurements";
    }
}
