package vn.ntm.e2e;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import vn.ntm.testing.JsonHttp;

/**
 * What the fault suite's client knows of each command it sent, by a key it chose before sending (a unit's id, which
 * the client gives; a measurement's valid date, unique in the stream): answered 2xx (with the id the answer named),
 * refused (the connection was refused or the answer was a 4xx: nothing may be stored), or unknown (a timeout, a reset
 * connection or a 5xx: it may or may not have been stored, but never partly and never twice).
 */
final class CommandLedger {

    /** The commands of one kind: unit registrations or measurements. */
    static final class Book {
        private final String name;
        private final Map<String, String> accepted = new TreeMap<>();
        private final Set<String> unknown = new TreeSet<>();
        private final Set<String> refused = new TreeSet<>();

        Book(String name) {
            this.name = name;
        }

        /** Sends one command and writes down its outcome; {@code idOf} reads the id from a 2xx answer. */
        void send(String key, Supplier<JsonHttp.Response> command, Function<JsonHttp.Response, String> idOf) {
            Set<String> outcome;
            String id = null;
            try {
                JsonHttp.Response answer = command.get();
                if (answer.status() / 100 == 2) {
                    id = idOf.apply(answer);
                    outcome = null;
                } else {
                    outcome = answer.status() / 100 == 4 ? refused : unknown;
                }
            } catch (UncheckedIOException e) {
                // a refused connection never reached the service: nothing can have been stored
                boolean neverSent = e.getCause() instanceof ConnectException
                        || e.getCause() instanceof HttpConnectTimeoutException;
                outcome = neverSent ? refused : unknown;
            } catch (RuntimeException e) {
                outcome = unknown;
            }
            synchronized (this) {
                if (outcome == null) {
                    accepted.put(key, id);
                } else {
                    outcome.add(key);
                }
            }
        }

        synchronized void accept(String key, String id) {
            accepted.put(key, id);
        }

        /** Key → id of every command answered 2xx. */
        synchronized Map<String, String> accepted() {
            return Map.copyOf(accepted);
        }

        synchronized Set<String> unknown() {
            return Set.copyOf(unknown);
        }

        synchronized Set<String> refused() {
            return Set.copyOf(refused);
        }

        synchronized Set<String> allKeys() {
            Set<String> all = new TreeSet<>(accepted.keySet());
            all.addAll(unknown);
            all.addAll(refused);
            return all;
        }

        synchronized String summary() {
            return String.format("%s: %d answered 2xx, %d unknown, %d refused", name, accepted.size(),
                    unknown.size(), refused.size());
        }
    }

    final Book units = new Book("unit registrations");
    final Book measurements = new Book("measurements");

    int refused() {
        return units.refused().size() + measurements.refused().size();
    }
}
