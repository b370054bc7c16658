package vn.ntm.support.axon;

import java.util.List;
import java.util.Set;

/**
 * How many segments of a streaming processor one instance may hold when {@code live} instances share
 * {@code segments}: {@code ceil(segments / live)}, so that together they hold them all and none holds more than one
 * segment above another. Pure arithmetic, kept apart from the balancer that acts on it.
 */
final class FairShare {

    private FairShare() {
    }

    /** {@code ceil(segments / live)}; an instance counts itself, so fewer than one live instance counts as one. */
    static int of(int segments, int live) {
        int instances = Math.max(1, live);
        return (Math.max(0, segments) + instances - 1) / instances;
    }

    /**
     * The segments an instance holding {@code held} gives up: those above its fair share, the highest ids first (so
     * that a release is predictable in a log), none when it holds no more than its share.
     */
    static List<Integer> surplus(Set<Integer> held, int segments, int live) {
        int share = of(segments, live);
        return held.stream().sorted().skip(share).toList();
    }
}
