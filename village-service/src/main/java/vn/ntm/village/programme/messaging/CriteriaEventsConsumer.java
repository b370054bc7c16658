package vn.ntm.village.programme.messaging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import vn.ntm.contracts.CriteriaSetPublished;
import vn.ntm.contracts.CriteriaSetStatusChanged;
import vn.ntm.contracts.CriterionStatusChanged;
import vn.ntm.contracts.Envelope;
import vn.ntm.contracts.StatusCause;
import vn.ntm.support.messaging.IdempotentConsumer;
import vn.ntm.village.programme.command.CriteriaStandings;
import vn.ntm.village.unit.api.UnitId;

/**
 * Learns criteria statuses from criteria-service ({@code ntm.criteria}): set catalogues for criterion names, and the
 * stretches of each unit's criterion and set status timelines (schema version 2: the status holds from the
 * envelope's {@code validOn} until {@code validUntil}; version 1 arrives upcast as open-ended). Idempotent by event
 * id; per unit in order (the Kafka key is the unit id). The binding is in batch mode: a poll is one transaction
 * (ADR 13), and a record that fails is retried and dead-lettered alone (service-support's {@code BatchBindingErrors}).
 */
@Configuration
class CriteriaEventsConsumer {

    @Bean
    Consumer<Message<List<byte[]>>> criteriaEvents(IdempotentConsumer consumer, CriteriaStandings standings) {
        return poll -> consumer.handlePoll("village-criteria", poll.getPayload(), () -> { },
                events -> standings.learn(events.stream().map(CriteriaEventsConsumer::fact)
                        .filter(Objects::nonNull).toList()), committed -> { });
    }

    /** The fact an event tells this service, or null when it tells nothing this service keeps. */
    private static CriteriaStandings.Fact fact(Envelope<?> envelope) {
        if (envelope.payload() instanceof CriteriaSetPublished set) {
            Map<String, String> names = new LinkedHashMap<>();
            set.criteria().forEach(c -> names.put(c.code(), c.nameVi()));
            return new CriteriaStandings.Catalogue(set.code(), set.version(), names);
        }
        if (envelope.payload() instanceof CriterionStatusChanged criterion) {
            return new CriteriaStandings.CriterionStretch(new UnitId(envelope.unitId()), criterion.criteriaSetId(),
                    criterion.criterionCode(), criterion.status(), envelope.validOn(), criterion.validUntil(),
                    criterion.setVersion(), cause(criterion.cause()), envelope.recordedAt());
        }
        if (envelope.payload() instanceof CriteriaSetStatusChanged set) {
            return new CriteriaStandings.SetStretch(new UnitId(envelope.unitId()), set.criteriaSetId(), set.status(),
                    envelope.validOn(), set.validUntil(), set.criteriaMet(), set.criteriaTotal(), set.criteriaNotMet(),
                    set.setVersion(), cause(set.cause()), envelope.recordedAt());
        }
        return null;
    }

    private static CriteriaStandings.Cause cause(StatusCause cause) {
        return cause == null ? null : new CriteriaStandings.Cause(cause.kind(), cause.measurementId(),
                cause.indicatorCode(), cause.validOn());
    }
}
