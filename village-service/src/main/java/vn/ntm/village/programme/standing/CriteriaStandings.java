package vn.ntm.village.programme.standing;

import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.ntm.village.programme.api.RecognitionCommands.WarnOfRevocation;
import vn.ntm.village.programme.command.ProgrammeDirectory;
import vn.ntm.village.unit.api.UnitId;

/**
 * What village-service knows of criteria-service's statuses, learnt from {@code ntm.criteria}: the criteria of each
 * set, and each unit's standing per set and per criterion. It gates recognition (see Recognition) and, for units
 * holding a recognition, computes the revocation triggers of decision 18/2022/QĐ-TTg after every change.
 */
@Component
public class CriteriaStandings {

    /** Revocation trigger: 30% to under 50% of criteria failing, one of them a key criterion. */
    public static final String KEY_CRITERION_30_PERCENT = "KEY_CRITERION_30_PERCENT";
    /** Revocation trigger: 50% of criteria or more failing. */
    public static final String HALF_OR_MORE = "HALF_OR_MORE";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final ProgrammeDirectory programme;
    private final CommandGateway commands;
    private final List<String> keyCriteria;

    CriteriaStandings(JdbcTemplate jdbc, JsonMapper json, ProgrammeDirectory programme, CommandGateway commands,
                      @Value("${ntm.revocation.key-criteria}") List<String> keyCriteria) {
        this.jdbc = jdbc;
        this.json = json;
        this.programme = programme;
        this.commands = commands;
        this.keyCriteria = keyCriteria.stream().map(CriteriaStandings::key).toList();
    }

    /** A set version's criteria, code → Vietnamese name. */
    public void setPublished(String code, int version, Map<String, String> criteria) {
        jdbc.update("""
                insert into criteria_set_name (code, version, criteria) values (?, ?, cast(? as jsonb))
                on conflict (code, version) do update set criteria = excluded.criteria""",
                code, version, json.writeValueAsString(criteria));
    }

    public void criterionChanged(String unitId, String criteriaSet, String criterionCode, String status,
                                 LocalDate validOn) {
        jdbc.update("""
                insert into criterion_standing (unit_id, criteria_set, criterion_code, status, valid_on)
                values (?, ?, ?, ?, ?)
                on conflict (unit_id, criteria_set, criterion_code)
                do update set status = excluded.status, valid_on = excluded.valid_on""",
                UUID.fromString(unitId), criteriaSet, criterionCode, status, validOn);
        checkRevocation(unitId, criteriaSet, validOn);
    }

    public void setChanged(String unitId, String criteriaSet, String status, int met, int total, LocalDate validOn,
                           Instant recordedAt) {
        jdbc.update("""
                insert into set_standing (unit_id, criteria_set, status, criteria_met, criteria_total, valid_on,
                                          recorded_at)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (unit_id, criteria_set) do update set status = excluded.status,
                    criteria_met = excluded.criteria_met, criteria_total = excluded.criteria_total,
                    valid_on = excluded.valid_on, recorded_at = excluded.recorded_at""",
                UUID.fromString(unitId), criteriaSet, status, met, total, validOn, Timestamp.from(recordedAt));
        checkRevocation(unitId, criteriaSet, validOn);
    }

    /**
     * For each recognition in force against the set: ≥ 50% of criteria failing, or 30% to under 50% with a key
     * criterion (income, environment, living environment, defence and security) among them, is a revocation warning.
     */
    private void checkRevocation(String unitId, String criteriaSet, LocalDate validOn) {
        UnitId unit = new UnitId(unitId);
        List<Map<String, Object>> inForce = programme.recognitionsInForce(unit, criteriaSet);
        if (inForce.isEmpty()) {
            return;
        }
        Integer total = jdbc.query("select criteria_total from set_standing where unit_id = ? and criteria_set = ?",
                (rs, row) -> rs.getInt(1), UUID.fromString(unitId), criteriaSet).stream().findFirst().orElse(null);
        if (total == null || total == 0) {
            return;
        }
        List<String> failing = programme.notMet(unit, criteriaSet);
        List<String> failingKey = failing.stream().filter(this::isKey).toList();
        double share = (double) failing.size() / total;
        String trigger = share >= 0.5 ? HALF_OR_MORE
                : share >= 0.3 && !failingKey.isEmpty() ? KEY_CRITERION_30_PERCENT : null;
        if (trigger == null) {
            return;
        }
        for (Map<String, Object> recognition : inForce) {
            commands.sendAndWait(new WarnOfRevocation((String) recognition.get("recognitionId"), trigger,
                    failing.size(), total, failing, failingKey, validOn));
        }
    }

    /** "code name": the name is a key criterion when it equals one of the configured names. */
    private boolean isKey(String codeAndName) {
        String name = codeAndName.substring(codeAndName.indexOf(' ') + 1);
        return keyCriteria.contains(key(name));
    }

    private static String key(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFC).strip().toLowerCase(Locale.ROOT);
    }
}
