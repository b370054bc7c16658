package vn.ntm.criteria.assessment.command;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import vn.ntm.criteria.assessment.api.IndicatorRule;
import vn.ntm.criteria.assessment.api.IndicatorStatus;
import vn.ntm.criteria.assessment.api.Judgement;
import vn.ntm.criteria.assessment.api.RuleBook;

/**
 * The statuses of one assessment over valid time: a timeline per indicator (chỉ tiêu), per criterion (tiêu chí)
 * and for the whole set. Either derived from the facts ({@link #derive}) or folded from the stretches the assessment
 * has published; {@link #changesFrom} says which stretches make the second equal to the first. Pure: no time, no I/O.
 *
 * <p>An indicator's status on date D is judged from the measurement that governs D — the latest not retracted that
 * is valid on or before D (of two on one date, the later recorded) — by the rule of the period of the rule book
 * that covers D. It has none when no measurement governs D. A criterion's status on D rolls up its indicators' on D
 * (an indicator with none counts as unknown), the set's rolls up its criteria on D with the counts of D; both exist
 * on every date the set is in force.
 */
final class StatusTimelines {

    /** An indicator's status on some dates and what it was judged from (numbers without trailing zeros). */
    record IndicatorJudgement(String criterionCode, IndicatorStatus status, Judgement judgement) {

        static IndicatorJudgement of(IndicatorRule rule, Measurement governing) {
            return new IndicatorJudgement(rule.criterionCode(), IndicatorEvaluation.evaluate(rule, governing.value()),
                    new Judgement(governing.id(), governing.value().comparable(), rule.comparator(), rule.threshold(),
                            rule.unit(), rule.thresholdVerified(), rule.thresholdSource(), rule.setVersion()));
        }
    }

    record CriterionJudgement(IndicatorStatus status, int setVersion) {
    }

    /** @param notMet the criteria not met on these dates (unknown ones are neither met nor in this list) */
    record SetJudgement(IndicatorStatus status, int met, int total, List<String> notMet, int setVersion) {
        SetJudgement {
            notMet = List.copyOf(notMet);
        }
    }

    /** A stretch to publish: {@code judgement} (null: none) holds on [from, until) of valid time. */
    record Change<J>(String code, LocalDate from, LocalDate until, J judgement, int setVersion,
                     String criterionCode) {
    }

    /** What makes published timelines equal to derived ones, per level. */
    record Changes(List<Change<IndicatorJudgement>> indicators, List<Change<CriterionJudgement>> criteria,
                   List<Change<SetJudgement>> set) {
        boolean isEmpty() {
            return indicators.isEmpty() && criteria.isEmpty() && set.isEmpty();
        }

        /** The earliest date any stretch starts on. */
        LocalDate earliest() {
            return java.util.stream.Stream.of(indicators, criteria, set).flatMap(List::stream).map(Change::from)
                    .min(Comparator.naturalOrder()).orElse(null);
        }
    }

    final Map<String, Timeline<IndicatorJudgement>> indicators = new LinkedHashMap<>();
    final Map<String, Timeline<CriterionJudgement>> criteria = new LinkedHashMap<>();
    final Timeline<SetJudgement> set = new Timeline<>();

    Timeline<IndicatorJudgement> indicator(String code) {
        return indicators.computeIfAbsent(code, c -> new Timeline<>());
    }

    Timeline<CriterionJudgement> criterion(String code) {
        return criteria.computeIfAbsent(code, c -> new Timeline<>());
    }

    /** The timelines the facts give under the rule book. */
    static StatusTimelines derive(Collection<Measurement> measurements, RuleBook book) {
        StatusTimelines derived = new StatusTimelines();
        for (String code : book.indicators()) {
            List<Measurement> governing = measurements.stream()
                    .filter(m -> !m.retracted() && m.indicatorCode().equals(code))
                    .sorted(Comparator.comparing(Measurement::validOn).thenComparing(Measurement::order)).toList();
            TreeSet<LocalDate> dates = new TreeSet<>(book.boundaries());
            governing.forEach(m -> dates.add(m.validOn()));
            Timeline<IndicatorJudgement> timeline = derived.indicator(code);
            int next = 0;
            Measurement current = null;
            for (LocalDate date : dates) {
                while (next < governing.size() && !governing.get(next).validOn().isAfter(date)) {
                    current = governing.get(next++);
                }
                IndicatorRule rule = book.on(date).map(p -> p.rules().get(code)).orElse(null);
                timeline.put(date, null, rule == null || current == null ? null
                        : IndicatorJudgement.of(rule, current));
            }
        }
        for (String criterion : book.criteria()) {
            TreeSet<LocalDate> dates = new TreeSet<>(book.boundaries());
            book.periods().forEach(p -> p.shape().indicatorsByCriterion().getOrDefault(criterion, List.of())
                    .forEach(i -> dates.addAll(derived.indicator(i).dates())));
            Timeline<CriterionJudgement> timeline = derived.criterion(criterion);
            for (LocalDate date : dates) {
                timeline.put(date, null, book.on(date)
                        .map(p -> StatusRollUp.criterion(p, criterion, i -> statusOf(derived.indicator(i).on(date))))
                        .orElse(null));
            }
        }
        TreeSet<LocalDate> dates = new TreeSet<>(book.boundaries());
        derived.criteria.values().forEach(t -> dates.addAll(t.dates()));
        for (LocalDate date : dates) {
            derived.set.put(date, null, book.on(date)
                    .map(p -> StatusRollUp.set(p, c -> derived.criterion(c).on(date).status())).orElse(null));
        }
        return derived;
    }

    private static IndicatorStatus statusOf(IndicatorJudgement judgement) {
        return judgement == null ? IndicatorStatus.UNKNOWN : judgement.status();
    }

    /**
     * The stretches that turn {@code published} (left as it is) into these timelines, on the dates where each indicator or criterion
     * belongs to the set version in force (what a version dropped is not published again), each as long as it can be
     * without crossing a change of the set version.
     */
    Changes changesFrom(StatusTimelines published, RuleBook book) {
        List<Change<IndicatorJudgement>> indicatorChanges = new ArrayList<>();
        for (String code : book.indicators()) {
            indicatorChanges.addAll(changes(code, indicator(code), published.indicators.getOrDefault(code,
                            new Timeline<>()), book,
                    p -> p.rules().containsKey(code), p -> p.rules().get(code).criterionCode()));
        }
        List<Change<CriterionJudgement>> criterionChanges = new ArrayList<>();
        for (String code : book.criteria()) {
            criterionChanges.addAll(changes(code, criterion(code), published.criteria.getOrDefault(code,
                            new Timeline<>()), book,
                    p -> p.shape().indicatorsByCriterion().containsKey(code), p -> code));
        }
        return new Changes(indicatorChanges, criterionChanges,
                changes(null, set, published.set, book, p -> true, p -> null));
    }

    private static <J> List<Change<J>> changes(String code, Timeline<J> derived, Timeline<J> published, RuleBook book,
                                               Predicate<RuleBook.Period> belongs,
                                               Function<RuleBook.Period, String> criterionOf) {
        TreeSet<LocalDate> dates = new TreeSet<>(book.boundaries());
        dates.addAll(derived.dates());
        dates.addAll(published.dates());
        List<Change<J>> changes = new ArrayList<>();
        LocalDate[] at = dates.toArray(LocalDate[]::new);
        Change<J> open = null;
        for (int i = 0; i < at.length; i++) {
            LocalDate from = at[i];
            LocalDate until = i + 1 < at.length ? at[i + 1] : null;
            RuleBook.Period period = book.on(from).filter(belongs).orElse(null);
            J now = derived.on(from);
            if (period == null || Objects.equals(now, published.on(from))) {
                open = close(open, changes);
                continue;
            }
            if (open != null && open.until().equals(from) && Objects.equals(open.judgement(), now)
                    && open.setVersion() == period.setVersion()) {
                open = new Change<>(code, open.from(), until, now, open.setVersion(), open.criterionCode());
            } else {
                close(open, changes);
                open = new Change<>(code, from, until, now, period.setVersion(), criterionOf.apply(period));
            }
            if (until == null) {
                open = close(open, changes);
            }
        }
        close(open, changes);
        return changes;
    }

    private static <J> Change<J> close(Change<J> open, List<Change<J>> changes) {
        if (open != null) {
            changes.add(open);
        }
        return null;
    }
}
