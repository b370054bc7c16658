package vn.ntm.bench;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * A dashboard on reporting-service's server-sent-events feed ({@code /api/feed}): notes the moment each measurement
 * update arrives, by the measurement's unit, indicator and valid date.
 */
final class FeedListener implements AutoCloseable {

    private final Map<String, Long> arrivedAt = new ConcurrentHashMap<>();
    private final AtomicLong updates = new AtomicLong();
    private final CountDownLatch connected = new CountDownLatch(1);
    private volatile Stream<String> lines;
    private final Thread reader;

    FeedListener(HttpClient client, String feedUrl) {
        var request = Http.request(feedUrl).header("Accept", "text/event-stream").timeout(Duration.ofSeconds(30))
                .GET().build();
        reader = new Thread(() -> {
            try {
                HttpResponse<Stream<String>> response = client.send(request, HttpResponse.BodyHandlers.ofLines());
                lines = response.body();
                lines.forEach(this::line);
            } catch (Exception e) {
                // the platform stopping closes the stream: nothing to report then
            }
        }, "sse-feed");
        reader.setDaemon(true);
        reader.start();
    }

    private void line(String line) {
        long now = System.nanoTime();
        if (line.startsWith(":")) {
            connected.countDown();
        } else if (line.startsWith("data:")) {
            updates.incrementAndGet();
            JsonNode envelope = Http.JSON.readTree(line.substring(5));
            JsonNode payload = envelope.path("payload");
            if ("MEASUREMENT".equals(payload.path("kind").asString())) {
                arrivedAt.putIfAbsent(envelope.path("unitId").asString() + "|" + payload.path("code").asString()
                        + "|" + envelope.path("validOn").asString(), now);
            }
        }
    }

    void awaitConnected(Duration timeout) {
        try {
            if (!connected.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("The dashboard feed did not connect within " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while connecting to the feed", e);
        }
    }

    /** System.nanoTime() when the measurement's update arrived, or null. */
    Long arrivedAt(String key) {
        return arrivedAt.get(key);
    }

    long updates() {
        return updates.get();
    }

    @Override
    public void close() {
        Stream<String> open = lines;
        if (open != null) {
            open.close();
        }
        reader.interrupt();
    }
}
