package vn.ntm.village.programme.messaging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import vn.ntm.contracts.CriteriaSetPublished;
import vn.ntm.contracts.CriteriaSetStatusChanged;
import vn.ntm.contracts.CriterionStatusChanged;
import vn.ntm.contracts.Envelope;
import vn.ntm.support.messaging.IdempotentConsumer;
import vn.ntm.village.programme.standing.CriteriaStandings;

/**
 * Learns criteria statuses from criteria-service ({@code ntm.criteria}): set catalogues for criterion names, and each
 * unit's criterion and set statuses. Idempotent by event id; per unit in order (the Kafka key is the unit id). The
 * binding is in batch mode: a poll is one transaction (ADR 13), and a record that fails is retried and dead-lettered
 * alone (service-support's {@code BatchBindingErrors}).
 */
@Configuration
class CriteriaEventsConsumer {

    @Bean
    Consumer<Message<List<byte[]>>> criteriaEvents(IdempotentConsumer consumer, CriteriaStandings standings) {
        return poll -> consumer.handlePoll("village-criteria", poll.getPayload(), () -> { },
                events -> events.forEach(envelope -> apply(envelope, standings)), committed -> { });
    }

    private static void apply(Envelope<?> envelope, CriteriaStandings standings) {
        if (envelope.payload() instanceof CriteriaSetPublished set) {
            Map<String, String> names = new LinkedHashMap<>();
            set.criteria().forEach(c -> names.put(c.code(), c.nameVi()));
            standings.setPublished(set.code(), set.version(), names);
        } else if (envelope.payload() instanceof CriterionStatusChanged criterion) {
            standings.criterionChanged(envelope.unitId(), criterion.criteriaSetId(), criterion.criterionCode(),
                    criterion.status(), envelope.validOn());
        } else if (envelope.payload() instanceof CriteriaSetStatusChanged set) {
            standings.setChanged(envelope.unitId(), set.criteriaSetId(), set.status(), set.criteriaMet(),
                    set.criteriaTotal(), envelope.validOn(), envelope.recordedAt());
        }
    }
}
