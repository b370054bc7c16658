package vn.ntm.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Integration events as a service really published them, recorded by that service's own tests from its real
 * aggregate (one JSON envelope per line, in publication order; {@code recorded/*.jsonl}). A consumer's tests feed
 * these rather than events written by hand, so they cannot drift from what the producer emits: the producer's
 * recording test fails when its output no longer equals the file.
 */
public final class RecordedEvents {

    /**
     * criteria-service's assessment of one commune against {@code TEST-SET} (criterion C1: rate I1 ≥ 80% in version 1,
     * ≥ 90% in version 2 from 2025-01-01, number I2 ≥ 10; criterion C2: pass/fail I3 in version 1, "must be none" I4
     * in version 2): a measurement, one dated before it, a correction, a later one, a retraction, version 2. Written
     * by criteria-service's {@code RecordedHistoryTest}, which also documents each step's recorded time.
     */
    public static final String VALID_TIME_HISTORY = "valid-time-history";
    /** The commune of {@link #VALID_TIME_HISTORY}. */
    public static final String VALID_TIME_COMMUNE = "5b3c2a10-9e4f-4d6b-8a27-1c0f3e5d7a91";
    /** Its province. */
    public static final String VALID_TIME_PROVINCE = "0e6f4b2c-7a1d-4c38-9b55-2d8e1f0a6c47";

    private RecordedEvents() {
    }

    /** The recording's envelopes, one JSON document each, in publication order. */
    public static List<String> load(String name) {
        try (InputStream in = RecordedEvents.class.getResourceAsStream("/recorded/" + name + ".jsonl")) {
            if (in == null) {
                throw new IllegalArgumentException("No recording " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
