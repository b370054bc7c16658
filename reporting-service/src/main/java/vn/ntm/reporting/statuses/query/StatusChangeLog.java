package vn.ntm.reporting.statuses.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.stereotype.Component;
import vn.ntm.reporting.statuses.query.StatusTimelines.Stretch;

/**
 * The dates on which statuses changed, as known at a time: each key's stretches overlaid in the order they were
 * recorded (a stretch recorded later replaces, for its dates, what was known of them), then read day by day.
 */
@Component
public class StatusChangeLog {

    private final StatusTimelines statuses;

    StatusChangeLog(StatusTimelines timelines) {
        this.statuses = timelines;
    }

    /**
     * One change of an indicator's, a criterion's or a whole set's status: on {@code validOn} it is {@code status},
     * the day before it was {@code previousStatus} (UNKNOWN when nothing was known of that day). Value, threshold,
     * counts and set version are those of the new status; recorded time, cause, actor and event are those of the
     * stretch that brought the change about (of the two stretches either side of the date, the one recorded later).
     */
    public record StatusChange(String unitId, String kind, String criteriaSet, String criterionCode,
                               String indicatorCode, String previousStatus, String status, BigDecimal value,
                               String comparator, BigDecimal threshold, String unit, Boolean thresholdVerified,
                               String thresholdSource, Integer criteriaMet, Integer criteriaTotal, Integer setVersion,
                               LocalDate validOn, Instant recordedAt, String causeKind, String actorSubject,
                               String eventId) {
    }

    /**
     * The status changes of the units (indicators, criteria, sets) between {@code from} and {@code to} as known at
     * {@code knownAt}: every date in ({@code from}, {@code to}] on which a key's status, as known then, differs from
     * its status the day before; computed from the timelines (each key's stretches overlaid, later recorded over
     * earlier), since a stretch recorded later can change any past date. In date order, then by key.
     */
    public List<StatusChange> changes(Collection<UUID> units, LocalDate from, LocalDate to, Instant knownAt) {
        Map<String, TreeMap<LocalDate, Stretch>> timelines = new LinkedHashMap<>();
        Map<String, Integer> order = new LinkedHashMap<>();
        List<Stretch> recorded = statuses.stretches(units, from, to, knownAt);
        for (int i = 0; i < recorded.size(); i++) {
            Stretch s = recorded.get(i);
            order.put(s.eventId(), i);
            overlay(timelines.computeIfAbsent(s.key(), k -> new TreeMap<>()), s);
        }
        LocalDate first = from == null ? StatusTimelines.START_OF_TIME : from;
        List<StatusChange> changes = new ArrayList<>();
        for (TreeMap<LocalDate, Stretch> timeline : timelines.values()) {
            for (Map.Entry<LocalDate, Stretch> change : timeline.subMap(first, false, to, true).entrySet()) {
                Map.Entry<LocalDate, Stretch> before = timeline.lowerEntry(change.getKey());
                Stretch was = before == null ? null : before.getValue();
                Stretch now = change.getValue();
                String previous = was == null ? "UNKNOWN" : was.status();
                String status = now == null ? "UNKNOWN" : now.status();
                if (previous.equals(status)) {
                    continue;
                }
                Stretch cause = was == null ? now : now == null ? was
                        : order.get(now.eventId()) > order.get(was.eventId()) ? now : was;
                Stretch shown = now != null ? now : was;
                changes.add(new StatusChange(shown.unitId(), shown.kind(), shown.criteriaSet(), shown.criterionCode(),
                        shown.indicatorCode(), previous, status, now == null ? null : now.value(),
                        now == null ? null : now.comparator(), now == null ? null : now.threshold(),
                        now == null ? null : now.unit(), now == null ? null : now.thresholdVerified(),
                        now == null ? null : now.thresholdSource(), now == null ? null : now.criteriaMet(),
                        now == null ? null : now.criteriaTotal(), now == null ? null : now.setVersion(),
                        change.getKey(), cause.recordedAt(), cause.causeKind(), cause.actorSubject(),
                        cause.eventId()));
            }
        }
        changes.sort(Comparator.comparing(StatusChange::validOn).thenComparing(StatusChange::unitId)
                .thenComparing(c -> KINDS.indexOf(c.kind())).thenComparing(StatusChange::criteriaSet)
                .thenComparing(c -> Objects.toString(c.criterionCode(), ""))
                .thenComparing(c -> Objects.toString(c.indicatorCode(), "")));
        return changes;
    }

    private static final List<String> KINDS = List.of("INDICATOR", "CRITERION", "SET");

    /**
     * Lays a stretch over a timeline kept as the dates its value changes on (a null value: nothing known from that
     * date): for its dates the stretch replaces what was there, after them what was there goes on.
     */
    private static void overlay(TreeMap<LocalDate, Stretch> timeline, Stretch s) {
        LocalDate until = s.validUntil();
        if (until != null && !until.isAfter(s.validOn())) {
            return;
        }
        Map.Entry<LocalDate, Stretch> atEnd = until == null ? null : timeline.floorEntry(until);
        Stretch after = atEnd == null ? null : atEnd.getValue();
        timeline.subMap(s.validOn(), true, until == null ? LocalDate.MAX : until, false).clear();
        timeline.put(s.validOn(), s);
        if (until != null && !timeline.containsKey(until)) {
            timeline.put(until, after);
        }
    }
}
