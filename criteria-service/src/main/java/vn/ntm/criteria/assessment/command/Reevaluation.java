package vn.ntm.criteria.assessment.command;

import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.ntm.contracts.Actor;
import vn.ntm.criteria.assessment.api.AssessmentId;
import vn.ntm.criteria.assessment.api.ReevaluateAssessment;
import vn.ntm.criteria.assessment.command.RuleBooks;
import vn.ntm.criteria.catalogue.api.CriteriaSetId;
import vn.ntm.criteria.unit.command.KnownUnits;

/**
 * Sends assessments the rules they have now, so each publishes what changed: all assessments against a set (a
 * version published), all of a unit (its region, commune group or special status changed on a date), or those not
 * yet judged under rule books at all (after the upgrade to status timelines; see TimelineUpgrade).
 */
@Component
public class Reevaluation {

    private final JdbcTemplate jdbc;
    private final KnownUnits units;
    private final RuleBooks rules;
    private final CommandGateway commands;

    Reevaluation(JdbcTemplate jdbc, KnownUnits units, RuleBooks rules, CommandGateway commands) {
        this.jdbc = jdbc;
        this.units = units;
        this.rules = rules;
        this.commands = commands;
    }

    /** @return how many assessments were judged again */
    public int everyAssessmentOf(String criteriaSet, Actor actor) {
        return send(jdbc.queryForList("""
                select distinct unit_id::text, criteria_set from assessment_log
                where criteria_set = ? and kind = 'MEASUREMENT_RECORDED'""", criteriaSet), actor);
    }

    /** @return how many assessments were judged again */
    public int everyAssessmentOfUnit(String unitId, Actor actor) {
        return send(jdbc.queryForList("""
                select distinct unit_id::text, criteria_set from assessment_log
                where unit_id = ? and kind = 'MEASUREMENT_RECORDED'""", UUID.fromString(unitId)), actor);
    }

    /** @return how many assessments were judged again */
    public int everyAssessmentNotYetUnderRuleBooks(Actor actor) {
        return send(jdbc.queryForList("""
                select distinct l.unit_id::text, l.criteria_set from assessment_log l
                where l.kind = 'MEASUREMENT_RECORDED'
                  and not exists (select 1 from assessment_rules r
                                  where r.unit_id = l.unit_id and r.criteria_set = l.criteria_set)"""), actor);
    }

    private int send(List<java.util.Map<String, Object>> assessments, Actor actor) {
        int sent = 0;
        for (var assessment : assessments) {
            String unitId = (String) assessment.get("unit_id");
            CriteriaSetId set = new CriteriaSetId((String) assessment.get("criteria_set"));
            var unit = units.find(unitId);
            if (unit.isPresent()) {
                commands.sendAndWait(new ReevaluateAssessment(AssessmentId.of(unitId, set), unitId,
                        unit.get().path(), rules.of(unit.get(), set), actor));
                sent++;
            }
        }
        return sent;
    }
}
