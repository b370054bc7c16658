package vn.ntm.criteria.assessment.command;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.ntm.contracts.Actor;
import vn.ntm.criteria.catalogue.api.CriteriaSetDefinition;
import vn.ntm.criteria.catalogue.query.CriteriaCatalogue;

/**
 * When a new version of a criteria set is published, every assessment against that set is judged again under the
 * set's rules over valid time: the stretches from the version's effective date (past, or future) change now, as
 * known from its publication. Runs right after a publication and then every minute, for one whose publication
 * committed while this was running (CriteriaProperties' {@code activation-interval}, scheduled by
 * CriteriaConfiguration); each version once, and an assessment given the rules it has changes nothing.
 */
@Component
public class VersionActivation {

    private static final Logger LOG = LoggerFactory.getLogger(VersionActivation.class);
    static final Actor SYSTEM = Actor.system("criteria-service:version-activation");

    private final CriteriaCatalogue catalogue;
    private final Reevaluation reevaluation;
    private final Clock clock;

    VersionActivation(CriteriaCatalogue catalogue, Reevaluation reevaluation, Clock clock) {
        this.catalogue = catalogue;
        this.reevaluation = reevaluation;
        this.clock = clock;
    }

    public synchronized void activateDue() {
        for (CriteriaSetDefinition version : catalogue.awaitingActivation()) {
            int assessed = reevaluation.everyAssessmentOf(version.code(), SYSTEM);
            catalogue.markActivated(version.code(), version.version(), Instant.now(clock));
            LOG.info("Criteria set {} v{} (in force from {}): {} assessments judged again", version.code(),
                    version.version(), version.effectiveFrom(), assessed);
        }
    }
}
