package vn.ntm.criteria.assessment.process;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.ntm.contracts.Actor;
import vn.ntm.criteria.assessment.api.AssessmentId;
import vn.ntm.criteria.assessment.api.IndicatorRule;
import vn.ntm.criteria.assessment.api.ReevaluateAssessmentCommand;
import vn.ntm.criteria.assessment.api.SetShape;
import vn.ntm.criteria.catalogue.api.CriteriaSetDefinition;
import vn.ntm.criteria.catalogue.api.CriteriaSetId;
import vn.ntm.criteria.catalogue.query.CriteriaCatalogue;
import vn.ntm.criteria.assessment.rules.IndicatorRules;
import vn.ntm.criteria.unit.KnownUnits;

/**
 * When a new version of a criteria set takes effect, every assessment against that set is judged again under it,
 * as of its effective date. Runs right after an amendment is published (for one already in force) and then every
 * minute (for one dated in the future); each version is activated once, and the aggregate ignores a repeat.
 */
@Component
public class VersionActivation {

    private static final Logger LOG = LoggerFactory.getLogger(VersionActivation.class);
    static final Actor SYSTEM = Actor.system("criteria-service:version-activation");

    private final CriteriaCatalogue catalogue;
    private final IndicatorRules rules;
    private final KnownUnits units;
    private final CommandGateway commands;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    VersionActivation(CriteriaCatalogue catalogue, IndicatorRules rules, KnownUnits units,
                      CommandGateway commands, JdbcTemplate jdbc, Clock clock) {
        this.catalogue = catalogue;
        this.rules = rules;
        this.units = units;
        this.commands = commands;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${ntm.criteria.activation-interval:PT1M}", initialDelayString = "PT10S")
    public synchronized void activateDue() {
        for (CriteriaSetDefinition version : catalogue.awaitingActivation(LocalDate.now(clock))) {
            List<String> assessed = jdbc.queryForList(
                    "select distinct unit_id::text from assessment_log where criteria_set = ?", String.class,
                    version.code());
            for (String unitId : assessed) {
                units.find(unitId).ifPresent(unit -> commands.sendAndWait(new ReevaluateAssessmentCommand(
                        AssessmentId.of(unit.id(), new CriteriaSetId(version.code())), unit.id(), unit.path(),
                        version.version(), version.effectiveFrom(), rules(version, unit), SetShape.of(version),
                        SYSTEM)));
            }
            catalogue.markActivated(version.code(), version.version(), Instant.now(clock));
            LOG.info("Criteria set {} v{} in force from {}: {} assessments re-evaluated", version.code(),
                    version.version(), version.effectiveFrom(), assessed.size());
        }
    }

    private Map<String, IndicatorRule> rules(CriteriaSetDefinition version, KnownUnits.KnownUnit unit) {
        Map<String, IndicatorRule> rules = new LinkedHashMap<>();
        version.indicators().forEach(indicator -> rules.put(indicator.code(),
                this.rules.of(unit, version, indicator, version.effectiveFrom().getYear())));
        return rules;
    }
}
