package vn.ntm.support.messaging.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * {@code storeTopics} in readiness: DOWN when the service's event store and its topic disagree
 * ({@link StoreTopicCheck}) or a topic it rebuilds from holds two stores' histories ({@link TopicHistories}), with
 * the reason in the details; UNKNOWN while Kafka could not be asked; UP otherwise, and in a service that has
 * neither. A verdict older than {@code ntm.store-check.recheck-after} is reached again when readiness is asked.
 */
public class StoreTopicsHealth implements HealthIndicator {

    private final StoreTopicCheck own;
    private final TopicHistories histories;
    private final Duration recheckAfter;
    private final Clock clock;

    /** @param own the service's own topic check, or {@code null}; @param histories the topics read, or {@code null} */
    public StoreTopicsHealth(StoreTopicCheck own, TopicHistories histories, Duration recheckAfter, Clock clock) {
        this.own = own;
        this.histories = histories;
        this.recheckAfter = recheckAfter;
        this.clock = clock;
    }

    @Override
    public Health health() {
        List<Verdict> verdicts = new ArrayList<>();
        if (own != null) {
            verdicts.add(stale(own.checkedAt()) ? own.check() : own.verdict());
        }
        if (histories != null) {
            verdicts.addAll(stale(histories.checkedAt()) ? histories.check() : histories.verdicts());
        }
        Health.Builder health = new Health.Builder(status(verdicts));
        verdicts.forEach(v -> {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("state", v.state().name());
            detail.put("reason", v.reason());
            if (!v.records().isEmpty()) {
                detail.put("records", v.records());
            }
            health.withDetail(v.topic(), detail);
        });
        return health.build();
    }

    private boolean stale(Instant checkedAt) {
        return checkedAt.plus(recheckAfter).isBefore(clock.instant());
    }

    private static Status status(List<Verdict> verdicts) {
        if (verdicts.stream().anyMatch(v -> v.state() == Verdict.State.DISAGREE)) {
            return Status.DOWN;
        }
        if (verdicts.stream().anyMatch(v -> v.state() == Verdict.State.UNKNOWN)) {
            return Status.UNKNOWN;
        }
        return Status.UP;
    }
}
