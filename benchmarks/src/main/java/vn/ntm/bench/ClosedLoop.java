package vn.ntm.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A fixed number of clients, each sending its next request (a measurement, or a form of them) as soon as the previous
 * one is answered: the platform's write throughput, as many measurements per second as it accepts.
 */
final class ClosedLoop {

    /** One request: where it goes, its body, and how many measurements it records. */
    record Request(String url, Object body, int measurements) {
    }

    /** What a closed-loop run did, counted in measurements; times are System.nanoTime(). */
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

    /** {@code count} single measurements, one request each. */
    static Outcome run(Http http, String criteriaUrl, MeasurementStream stream, int count, int clients) {
        return run(http, () -> {
            MeasurementStream.Measurement m = stream.next();
            return new Request(url(criteriaUrl, m), m.request(), 1);
        }, count, clients);
    }

    /** The forms, one request each. */
    static Outcome runForms(Http http, String criteriaUrl, List<MeasurementStream.Form> forms, int clients) {
        java.util.Iterator<MeasurementStream.Form> next = forms.iterator();
        return run(http, () -> {
            MeasurementStream.Form form;
            synchronized (next) {
                form = next.next();
            }
            return new Request(criteriaUrl + "/api/units/" + form.unitId() + "/measurement-forms", form.request(),
                    form.items().size());
        }, forms.size(), clients);
    }

    private static Outcome run(Http http, Supplier<Request> requests, int count, int clients) {
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
                        Request request = requests.get();
                        Http.Response response = http.post(request.url(), request.body());
                        if (response.status() == 201) {
                            accepted.addAndGet(request.measurements());
                        } else {
                            refused.addAndGet(request.measurements());
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
