package vn.ntm.criteria.assessment.command;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.ntm.contracts.Actor;

/**
 * Once the service is ready, every assessment stored before status timelines is judged under its rule book: the
 * assessment derives its timelines from its facts and publishes the stretches that differ from what its old events
 * said (cause TIMELINES_REBUILT), so reporting and village-service rebuild their timelines from the topic. Each
 * assessment once: adopting a rule book is recorded (assessment_rules), and an assessment judged again with the
 * same facts and rules publishes nothing.
 */
@Component
class TimelineUpgrade {

    private static final Logger LOG = LoggerFactory.getLogger(TimelineUpgrade.class);
    static final Actor SYSTEM = Actor.system("criteria-service:timeline-upgrade");

    private final Reevaluation reevaluation;

    TimelineUpgrade(Reevaluation reevaluation) {
        this.reevaluation = reevaluation;
    }

    @EventListener(ApplicationReadyEvent.class)
    void upgrade() {
        int upgraded = reevaluation.everyAssessmentNotYetUnderRuleBooks(SYSTEM);
        if (upgraded > 0) {
            LOG.info("{} assessments stored before status timelines derived their timelines again", upgraded);
        }
    }
}
