package vn.ntm.criteria.assessment.query;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import vn.ntm.criteria.catalogue.api.CriteriaSetDefinition;
import vn.ntm.criteria.catalogue.api.CriteriaSetLevel;
import vn.ntm.criteria.catalogue.query.CriteriaCatalogue;
import vn.ntm.criteria.catalogue.query.ThresholdResolver;
import vn.ntm.criteria.unit.command.KnownUnits;
import vn.ntm.support.rules.RuleViolation;

/**
 * What the assessment endpoints answer: a unit, its standing against a set on a date (and the gaps in it), the
 * history of an indicator, criterion or set, and the sets it is assessed against. "Today" is the date in Vietnam
 * (the shared {@link Clock}, zone Asia/Ho_Chi_Minh).
 */
@Service
public class AssessmentQueries {

    private final KnownUnits units;
    private final CriteriaCatalogue catalogue;
    private final AssessmentLog log;
    private final ThresholdResolver thresholds;
    private final Clock clock;

    AssessmentQueries(KnownUnits units, CriteriaCatalogue catalogue, AssessmentLog log, ThresholdResolver thresholds,
                      Clock clock) {
        this.units = units;
        this.catalogue = catalogue;
        this.log = log;
        this.thresholds = thresholds;
        this.clock = clock;
    }

    public KnownUnits.KnownUnit unit(String unitId) {
        return units.find(unitId).orElseThrow(() -> RuleViolation.notFound("unit-not-found", unitId));
    }

    /**
     * A unit's standing against a set on a date ({@code asOf}; when not given, today in Vietnam, or the last day of a
     * set no longer in force), by the set version in force that day and the unit as it stood.
     */
    public StandingView standing(String unitId, String criteriaSet, LocalDate asOf) {
        CriteriaSetDefinition latest = publishedSet(criteriaSet);
        LocalDate today = LocalDate.now(clock);
        LocalDate on = asOf != null ? asOf
                : latest.effectiveTo() != null && latest.effectiveTo().isBefore(today) ? latest.effectiveTo() : today;
        KnownUnits.KnownUnit unit = units.findOn(unitId, on)
                .orElseThrow(() -> RuleViolation.notFound("unit-not-found", unitId));
        return standing(unit, catalogue.inForceOrLatest(latest, on), on);
    }

    /** The gap list against a set named directly, or by the level aimed at (the national set in force today). */
    public StandingView gaps(String unitId, String criteriaSet, CriteriaSetLevel level) {
        if (criteriaSet == null) {
            if (level == null) {
                throw RuleViolation.invalid("set-or-level-required", "criteriaSet");
            }
            criteriaSet = catalogue.inForceForLevel(level.name(), LocalDate.now(clock)).stream().findFirst()
                    .orElseThrow(() -> RuleViolation.notFound("no-set-for-level", level)).code();
        }
        return standing(unitId, criteriaSet, null).gaps();
    }

    /** The history of one indicator or criterion (by its code), or of the set's own status when no code is given. */
    public List<AssessmentLog.Entry> history(String unitId, String criteriaSet, String code) {
        unit(unitId);
        return log.history(unitId, publishedSet(criteriaSet).code(), code);
    }

    public List<String> assessedSets(String unitId) {
        unit(unitId);
        return log.setsAssessedFor(unitId);
    }

    /** Where the unit stands on one indicator on a date: the answer to a measurement, correction or retraction. */
    public StandingView.IndicatorView indicatorOn(KnownUnits.KnownUnit unit, CriteriaSetDefinition set, String code,
                                                  LocalDate on) {
        return StandingView.indicator(set, code, log.standing(unit.id(), set.code(), code, on), thresholdsFor(unit),
                on);
    }

    public StandingView standing(KnownUnits.KnownUnit unit, CriteriaSetDefinition set, LocalDate on) {
        return StandingView.of(unit, set, log.standing(unit.id(), set.code(), null, on),
                log.setStanding(unit.id(), set.code(), on), thresholdsFor(unit), on);
    }

    private StandingView.Thresholds thresholdsFor(KnownUnits.KnownUnit unit) {
        return (indicator, year) -> thresholds.resolve(indicator, unit.thresholdRegion(), unit.communeGroup(), year);
    }

    /** A set named in a path or query: 404 when no set has that code. */
    private CriteriaSetDefinition publishedSet(String code) {
        return catalogue.findByCode(code).orElseThrow(() -> RuleViolation.notFound("criteria-set-not-found", code));
    }
}
