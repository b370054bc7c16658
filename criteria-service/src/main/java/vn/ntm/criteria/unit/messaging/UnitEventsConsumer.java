package vn.ntm.criteria.unit.messaging;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import vn.ntm.contracts.Envelope;
import vn.ntm.contracts.UnitAttributesChanged;
import vn.ntm.criteria.assessment.command.Reevaluation;
import vn.ntm.contracts.UnitEnded;
import vn.ntm.contracts.UnitMoved;
import vn.ntm.contracts.UnitRegistered;
import vn.ntm.contracts.UnitRenamed;
import vn.ntm.criteria.unit.command.KnownUnits;
import vn.ntm.support.messaging.IdempotentConsumer;

/** Learns units from village-service: the Spring Cloud Stream consumer bound to {@code ntm.units}. */
@Configuration
class UnitEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> unitEvents(IdempotentConsumer consumer, KnownUnits units, Reevaluation reevaluation) {
        return message -> consumer.handle("criteria-units", message,
                envelope -> apply(envelope, units, reevaluation));
    }

    private static void apply(Envelope<?> envelope, KnownUnits units, Reevaluation reevaluation) {
        String id = envelope.unitId();
        if (envelope.payload() instanceof UnitRegistered unit) {
            units.register(id, unit.level(), unit.name(), unit.parentId(), unit.region(),
                    unit.validFrom(), envelope.unitPath(), unit.communeGroup(), unit.specialStatus());
        } else if (envelope.payload() instanceof UnitRenamed renamed) {
            units.rename(id, renamed.validFrom(), renamed.name(), envelope.unitPath());
        } else if (envelope.payload() instanceof UnitMoved moved) {
            units.move(id, moved.validFrom(), moved.parentId(), envelope.unitPath());
        } else if (envelope.payload() instanceof UnitAttributesChanged changed) {
            units.changeAttributes(id, changed.validFrom(), changed.region(), changed.communeGroup(),
                    changed.specialStatus());
            // thresholds by region, group or status change from that date: the unit's timelines change with them
            reevaluation.everyAssessmentOfUnit(id, envelope.actor());
        } else if (envelope.payload() instanceof UnitEnded ended) {
            units.end(id, ended.validFrom(), ended.successorIds());
        }
    }
}
