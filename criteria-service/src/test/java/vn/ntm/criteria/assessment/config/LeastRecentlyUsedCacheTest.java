package vn.ntm.criteria.assessment.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LeastRecentlyUsedCacheTest {

    private final LeastRecentlyUsedCache cache = new LeastRecentlyUsedCache(2);

    @Test
    void dropsTheLeastRecentlyUsedEntryWhenFull() {
        cache.put("a", 1);
        cache.put("b", 2);
        assertThat((Integer) cache.get("a")).isEqualTo(1);
        cache.put("c", 3);

        assertThat(cache.containsKey("a")).as("used last but one").isTrue();
        assertThat(cache.containsKey("b")).as("least recently used").isFalse();
        assertThat(cache.containsKey("c")).isTrue();
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void removesAndKeepsTheFirstOfTwoPuts() {
        assertThat(cache.putIfAbsent("a", 1)).isTrue();
        assertThat(cache.putIfAbsent("a", 2)).isFalse();
        assertThat((Integer) cache.get("a")).isEqualTo(1);
        assertThat(cache.remove("a")).isTrue();
        assertThat(cache.remove("a")).isFalse();
        assertThat((Object) cache.get("a")).isNull();
    }
}
