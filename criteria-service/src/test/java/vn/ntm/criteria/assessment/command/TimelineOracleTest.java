package vn.ntm.criteria.assessment.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import vn.ntm.contracts.Actor;
import vn.ntm.contracts.UnitRef;
import vn.ntm.criteria.assessment.api.AssessmentId;
import vn.ntm.criteria.assessment.api.CorrectMeasurement;
import vn.ntm.criteria.assessment.api.CriteriaSetStatusChanged;
import vn.ntm.criteria.assessment.api.CriterionStatusChanged;
import vn.ntm.criteria.assessment.api.Evidence;
import vn.ntm.criteria.assessment.api.IndicatorRule;
import vn.ntm.criteria.assessment.api.IndicatorStatusChanged;
import vn.ntm.criteria.assessment.api.MeasuredValue;
import vn.ntm.criteria.assessment.api.MeasurementId;
import vn.ntm.criteria.assessment.api.RecordMeasurement;
import vn.ntm.criteria.assessment.api.RecordMeasurements;
import vn.ntm.criteria.assessment.api.ReevaluateAssessment;
import vn.ntm.criteria.assessment.api.RetractMeasurement;
import vn.ntm.criteria.assessment.api.RuleBook;
import vn.ntm.testing.ValidTimeFact;

/**
 * The model-based test of issue 14. Random histories of facts — measurements recorded in any order of valid date,
 * two on one date, forms, corrections, retractions, a set version published, a change of the unit's context on a
 * date — go through the real aggregate. After every command (every recorded instant K), what it has published,
 * folded as a consumer folds it (of the stretches covering a date, the one published last holds), must equal on
 * every date D what a plain function evaluating the facts known at K for D from scratch says. The oracle shares no
 * code with the aggregate: it judges values itself, and walks the facts for each date.
 *
 * <p>Catches, for instance: a back-dated measurement that publishes nothing; a retraction or correction whose
 * criterion or set stretch is not published; counts of criteria met carried over from another date; a version's
 * rules applied before it took effect; a stretch published open-ended that should end where a later measurement
 * governs; a stretch published where nothing changed being harmless (it is not: the oracle would still agree, so
 * {@link AssessmentTest} asserts exact stretches).
 */
class TimelineOracleTest {

    private static final String UNIT = "7d1e0c52-3f8a-4b0e-9a61-2c5d8e4f7a10";
    private static final AssessmentId ID = AssessmentId.of(UNIT, Books.SET);
    private static final List<UnitRef> PATH = List.of(new UnitRef(UNIT, "COMMUNE", "xã thử nghiệm"));
    private static final Actor OFFICER = new Actor("can-bo@xa", "commune-officer", null);
    private static final Evidence EVIDENCE = new Evidence("Biên bản", null, null, "Phòng Kinh tế");
    private static final List<RuleBook> BOOKS = List.of(Books.oneVersion(), Books.twoVersions(),
            Books.contextChangingOn(LocalDate.of(2024, 7, 1)));
    private static final List<LocalDate> DATES = List.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 31),
            LocalDate.of(2024, 6, 30), LocalDate.of(2024, 7, 1), LocalDate.of(2024, 9, 30),
            LocalDate.of(2024, 12, 31), LocalDate.of(2025, 1, 1), LocalDate.of(2025, 6, 30),
            LocalDate.of(2026, 3, 31));
    private static final List<String> INDICATORS = List.of("I1", "I2", "I3", "I4");

    /** One step of a history; which measurement a correction or retraction touches is picked among those counting. */
    sealed interface Step permits Record, Form, Correct, Retract, NewRules {
    }

    record Record(String indicator, int date, int value) implements Step {
    }

    record Form(int date, List<String> indicators, int value) implements Step {
    }

    record Correct(int pick, int value) implements Step {
    }

    record Retract(int pick) implements Step {
    }

    record NewRules(int book) implements Step {
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        Arbitrary<Integer> date = Arbitraries.integers().between(0, DATES.size() - 1);
        Arbitrary<Integer> value = Arbitraries.integers().between(0, 20);
        Arbitrary<String> indicator = Arbitraries.of(INDICATORS);
        Arbitrary<Step> record = Combinators.combine(indicator, date, value).as(Record::new);
        Arbitrary<Step> form = Combinators.combine(date, indicator.set().ofMinSize(1).ofMaxSize(3)
                .map(s -> List.copyOf(new TreeSet<>(s))), value).as(Form::new);
        Arbitrary<Step> correct = Combinators.combine(Arbitraries.integers().between(0, 20), value)
                .as(Correct::new);
        Arbitrary<Step> retract = Arbitraries.integers().between(0, 20).map(Retract::new);
        Arbitrary<Step> rules = Arbitraries.integers().between(0, BOOKS.size() - 1).map(NewRules::new);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, record), net.jqwik.api.Tuple.of(2, form),
                        net.jqwik.api.Tuple.of(2, correct), net.jqwik.api.Tuple.of(2, retract),
                        net.jqwik.api.Tuple.of(1, rules))
                .list().ofMinSize(1).ofMaxSize(9);
    }

    /** A measurement as the oracle knows it. */
    private record Fact(String id, String indicator, LocalDate validOn, MeasuredValue value, int order,
                        boolean retracted) implements ValidTimeFact {
    }

    @Property(tries = 1000)
    void whatWasPublishedAlwaysEqualsTheFactsEvaluatedFromScratch(@ForAll("histories") List<Step> history) {
        List<Object> published = new ArrayList<>();
        List<Fact> facts = new ArrayList<>();
        RuleBook rules = BOOKS.get(0);
        int next = 0;
        for (Step step : history) {
            Object command = null;
            List<Fact> recorded = new ArrayList<>();
            if (step instanceof Record r) {
                LocalDate on = DATES.get(r.date());
                if (has(rules, on, r.indicator()) && !duplicate(facts, r.indicator(), on, value(r.indicator(), r.value()))) {
                    String id = "m" + (100 - next); // ids against the recording order
                    recorded.add(new Fact(id, r.indicator(), on, value(r.indicator(), r.value()), next, false));
                    command = new RecordMeasurement(ID, UNIT, PATH, Books.SET, new MeasurementId(id), r.indicator(),
                            value(r.indicator(), r.value()), on, EVIDENCE, rules, OFFICER);
                }
            } else if (step instanceof Form f) {
                LocalDate on = DATES.get(f.date());
                List<RecordMeasurements.Item> items = new ArrayList<>();
                for (String indicator : f.indicators()) {
                    MeasuredValue value = value(indicator, f.value() + indicator.hashCode() % 7);
                    if (has(rules, on, indicator) && !duplicate(facts, indicator, on, value)) {
                        String id = "m" + (100 - next - items.size());
                        items.add(new RecordMeasurements.Item(new MeasurementId(id), indicator, value, EVIDENCE));
                        recorded.add(new Fact(id, indicator, on, value, next + items.size() - 1, false));
                    }
                }
                if (!items.isEmpty()) {
                    command = new RecordMeasurements(ID, UNIT, PATH, Books.SET, on, items, rules, OFFICER);
                }
            } else if (step instanceof Correct c) {
                List<Fact> counting = facts.stream().filter(x -> !x.retracted()).toList();
                if (!counting.isEmpty()) {
                    Fact target = counting.get(c.pick() % counting.size());
                    MeasuredValue value = value(target.indicator(), c.value());
                    if (!value.fingerprint().equals(target.value().fingerprint())
                            && !duplicate(facts, target.indicator(), target.validOn(), value)) {
                        command = new CorrectMeasurement(ID, UNIT, PATH, new MeasurementId(target.id()), value, "sửa", EVIDENCE,
                                rules, OFFICER);
                        facts.set(facts.indexOf(target), new Fact(target.id(), target.indicator(), target.validOn(),
                                value, target.order(), false));
                    }
                }
            } else if (step instanceof Retract r) {
                List<Fact> counting = facts.stream().filter(x -> !x.retracted()).toList();
                if (!counting.isEmpty()) {
                    Fact target = counting.get(r.pick() % counting.size());
                    command = new RetractMeasurement(ID, UNIT, PATH, new MeasurementId(target.id()), "nhầm", rules, OFFICER);
                    facts.set(facts.indexOf(target), new Fact(target.id(), target.indicator(), target.validOn(),
                            target.value(), target.order(), true));
                }
            } else if (step instanceof NewRules n && !facts.isEmpty()) {
                rules = BOOKS.get(n.book());
                command = new ReevaluateAssessment(ID, UNIT, PATH, rules, OFFICER);
            }
            if (command == null) {
                continue;
            }
            published.addAll(run(published, command));
            facts.addAll(recorded);
            next += recorded.size();
            for (LocalDate on : datesToCheck(facts, rules)) {
                assertThat(folded(published, rules, on)).as("on %s after %s, with %s", on, step, facts)
                        .isEqualTo(oracle(facts, rules, on));
            }
        }
    }

    private static boolean has(RuleBook rules, LocalDate on, String indicator) {
        return periodOn(rules, on) != null && periodOn(rules, on).rules().containsKey(indicator);
    }

    private static boolean duplicate(List<Fact> facts, String indicator, LocalDate on, MeasuredValue value) {
        return facts.stream().anyMatch(f -> !f.retracted() && f.indicator().equals(indicator)
                && f.validOn().equals(on) && f.value().fingerprint().equals(value.fingerprint()));
    }

    /** A value of the indicator's kind: I1 a rate of 10 households, I2 a number, I3 pass/fail, I4 a count. */
    private static MeasuredValue value(String indicator, int seed) {
        int n = Math.floorMod(seed, 21);
        return switch (indicator) {
            case "I1" -> new MeasuredValue(null, (long) Math.min(n, 10), 10L, null);
            case "I2" -> new MeasuredValue(BigDecimal.valueOf(n), null, null, null);
            case "I3" -> new MeasuredValue(null, null, null, n % 2 == 0);
            default -> new MeasuredValue(BigDecimal.valueOf(n % 3), null, null, null);
        };
    }

    /** The payloads the aggregate publishes for {@code command}, given everything it published before. */
    private static List<Object> run(List<Object> before, Object command) {
        var fixture = FixtureRuns.fixture();
        return FixtureRuns.payloads((before.isEmpty() ? fixture.givenNoPriorActivity() : fixture.given(before))
                .when(command));
    }

    /** Every date a status may change on, the day before each, and dates outside the set. */
    private static TreeSet<LocalDate> datesToCheck(List<Fact> facts, RuleBook rules) {
        TreeSet<LocalDate> dates = new TreeSet<>(List.of(LocalDate.of(2023, 12, 31), LocalDate.of(2026, 12, 31)));
        for (RuleBook book : BOOKS) {
            book.periods().forEach(p -> {
                dates.add(p.from());
                dates.add(p.from().minusDays(1));
            });
        }
        facts.forEach(f -> {
            dates.add(f.validOn());
            dates.add(f.validOn().minusDays(1));
            dates.add(f.validOn().plusDays(1));
        });
        return dates;
    }

    private static RuleBook.Period periodOn(RuleBook rules, LocalDate on) {
        for (RuleBook.Period period : rules.periods()) {
            if (!on.isBefore(period.from()) && (period.until() == null || on.isBefore(period.until()))) {
                return period;
            }
        }
        return null;
    }

    /** The statuses on one date, written out: each indicator, criterion and the set of the version in force. */
    private static Map<String, String> oracle(List<Fact> facts, RuleBook rules, LocalDate on) {
        Map<String, String> statuses = new LinkedHashMap<>();
        RuleBook.Period period = periodOn(rules, on);
        if (period == null || facts.isEmpty()) {
            return statuses;
        }
        int met = 0;
        List<String> notMet = new ArrayList<>();
        List<String> criteria = new ArrayList<>();
        for (var criterion : period.shape().indicatorsByCriterion().entrySet()) {
            List<String> parts = new ArrayList<>();
            for (String indicator : criterion.getValue()) {
                Fact governing = ValidTimeFact.governing(facts, indicator, on);
                String status = governing == null ? "UNKNOWN" : judge(period.rules().get(indicator), governing.value());
                if (governing != null) {
                    statuses.put(indicator, status + " by " + governing.id() + " v" + period.setVersion());
                }
                parts.add(status);
            }
            String status = parts.contains("NOT_MET") ? "NOT_MET"
                    : parts.stream().allMatch("MET"::equals) ? "MET" : "UNKNOWN";
            statuses.put(criterion.getKey(), status + " v" + period.setVersion());
            criteria.add(status);
            if (status.equals("MET")) {
                met++;
            } else if (status.equals("NOT_MET")) {
                notMet.add(criterion.getKey());
            }
        }
        String set = criteria.contains("NOT_MET") ? "NOT_MET"
                : criteria.stream().allMatch("MET"::equals) ? "MET" : "UNKNOWN";
        statuses.put("SET", set + " " + met + "/" + criteria.size() + " " + notMet + " v" + period.setVersion());
        return statuses;
    }

    private static String judge(IndicatorRule rule, MeasuredValue value) {
        return switch (rule.kind()) {
            case PASS_FAIL -> value.passed() ? "MET" : "NOT_MET";
            case MUST_BE_NONE -> value.value().signum() == 0 ? "MET" : "NOT_MET";
            case RATE -> BigDecimal.valueOf(value.numerator()).multiply(BigDecimal.valueOf(100))
                    .divide(BigDecimal.valueOf(value.denominator()), MathContext.DECIMAL64)
                    .compareTo(rule.threshold()) >= 0 ? "MET" : "NOT_MET";
            case NUMBER -> value.value().compareTo(rule.threshold()) >= 0 ? "MET" : "NOT_MET";
        };
    }

    /**
     * What a consumer knows of a date after folding every stretch published: per key, the last published stretch
     * that covers the date, for the indicators and criteria of the version in force (what a version dropped is not
     * shown for its dates); an indicator stretch with no governing measurement is none.
     */
    private static Map<String, String> folded(List<Object> published, RuleBook rules, LocalDate on) {
        Map<String, String> latest = new LinkedHashMap<>();
        for (Object payload : published) {
            if (payload instanceof IndicatorStatusChanged e && covers(e.validFrom(), e.validUntil(), on)) {
                latest.put(e.indicatorCode(), e.governingMeasurementId() == null ? null
                        : e.status() + " by " + e.governingMeasurementId() + " v" + e.setVersion());
            } else if (payload instanceof CriterionStatusChanged e && covers(e.validFrom(), e.validUntil(), on)) {
                latest.put(e.criterionCode(), e.status() + " v" + e.setVersion());
            } else if (payload instanceof CriteriaSetStatusChanged e && covers(e.validFrom(), e.validUntil(), on)) {
                latest.put("SET", e.status() + " " + e.criteriaMet() + "/" + e.criteriaTotal() + " "
                        + e.criteriaNotMet() + " v" + e.setVersion());
            }
        }
        Map<String, String> statuses = new LinkedHashMap<>();
        RuleBook.Period period = periodOn(rules, on);
        if (period == null) {
            return statuses;
        }
        for (var criterion : period.shape().indicatorsByCriterion().entrySet()) {
            for (String indicator : criterion.getValue()) {
                if (latest.get(indicator) != null) {
                    statuses.put(indicator, latest.get(indicator));
                }
            }
            if (latest.containsKey(criterion.getKey())) {
                statuses.put(criterion.getKey(), latest.get(criterion.getKey()));
            }
        }
        if (latest.containsKey("SET")) {
            statuses.put("SET", latest.get("SET"));
        }
        return statuses;
    }

    private static boolean covers(LocalDate from, LocalDate until, LocalDate on) {
        return !on.isBefore(from) && (until == null || on.isBefore(until)) && Objects.nonNull(from);
    }
}
