package vn.ntm.village.programme.command;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.ntm.village.programme.api.RecognitionId;
import vn.ntm.village.programme.api.WarnOfRevocation;
import vn.ntm.village.programme.command.ProgrammeLookup.Criterion;
import vn.ntm.village.unit.api.UnitId;

/**
 * Judges a unit's standing against a set on the dates criteria-service's stretches changed, for each recognition of
 * the unit against the set in force on them, by {@link RevocationPolicy}, and warns the recognition of a trigger met
 * ({@link WarnOfRevocation}; the Recognition records one warning per trigger and date). Called by
 * {@link CriteriaStandings} once a poll's stretches are stored.
 */
@Component
class RevocationWatch {

    /** Dates [from, until) a stretch received covers; {@code until} null: open-ended. */
    record Dates(LocalDate from, LocalDate until) {
    }

    private final JdbcTemplate jdbc;
    private final ProgrammeTables programme;
    private final StandingTimelines standings;
    private final RevocationPolicy policy;
    private final CommandGateway commands;

    RevocationWatch(JdbcTemplate jdbc, ProgrammeTables programme, StandingTimelines standings,
                    RevocationPolicy policy, CommandGateway commands) {
        this.jdbc = jdbc;
        this.programme = programme;
        this.standings = standings;
        this.policy = policy;
        this.commands = commands;
    }

    /**
     * For each recognition of the unit against the set, on each date the stretches received changed while it was in
     * force — the first date of each part of a stretch over which the set's counts stay the same, or the decision's
     * date when the recognition came into force within it: a trigger of {@link RevocationPolicy} met that day is a
     * revocation warning of that date.
     */
    void judge(UnitId unitId, String criteriaSet, List<Dates> changed) {
        List<ProgrammeTables.Decided> recognitions = programme.recognitionsDecided(unitId, criteriaSet);
        if (recognitions.isEmpty()) {
            return;
        }
        TreeMap<LocalDate, Set<RecognitionId>> due = new TreeMap<>();
        for (Dates dates : changed) {
            for (Dates row : jdbc.query("select valid_from, valid_until from set_standing"
                            + " where unit_id = ? and criteria_set = ?" + CriteriaStandings.OVERLAPPING
                            + " order by valid_from",
                    (rs, n) -> new Dates(rs.getObject("valid_from", LocalDate.class),
                            rs.getObject("valid_until", LocalDate.class)),
                    unitId.uuid(), criteriaSet, dates.from(), dates.until())) {
                LocalDate from = ValidTime.later(row.from(), dates.from());
                LocalDate until = ValidTime.earlierEnd(row.until(), dates.until());
                for (ProgrammeTables.Decided recognition : recognitions) {
                    LocalDate on = ValidTime.later(from, recognition.decidedOn());
                    if (ValidTime.before(on, until) && ValidTime.before(on, recognition.revokedOn())) {
                        due.computeIfAbsent(on, d -> new LinkedHashSet<>()).add(recognition.recognitionId());
                    }
                }
            }
        }
        due.forEach((on, recognitionIds) -> standings.standing(unitId, criteriaSet, on).ifPresent(set -> {
            List<String> failingCodes = set.notMet().stream().map(Criterion::code).toList();
            policy.trigger(criteriaSet, set.criteriaTotal(), failingCodes).ifPresent(trigger -> {
                Set<String> key = policy.keyCriteria(criteriaSet);
                List<String> failing = set.notMet().stream().map(Criterion::label).toList();
                List<String> failingKey = set.notMet().stream().filter(c -> key.contains(c.code()))
                        .map(Criterion::label).toList();
                recognitionIds.forEach(id -> commands.sendAndWait(new WarnOfRevocation(id, trigger.name(),
                        failing.size(), set.criteriaTotal(), failing, failingKey, on)));
            });
        }));
    }
}
