package vn.ntm.reporting.programme.query;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import vn.ntm.reporting.programme.query.ProgrammeQueries.Point;
import vn.ntm.reporting.programme.query.ProgrammeQueries.TargetProgress;
import vn.ntm.reporting.statuses.query.StatusTimelines;
import vn.ntm.reporting.statuses.query.StatusTimelines.MeasuredValue;

/**
 * Where a plan's target stands on a date: the rule, a pure function of the target, the values measured by then and the
 * status of its criterion (tested as a table by {@code TargetProgressTest}).
 */
final class TargetProgressRule {

    private TargetProgressRule() {
    }

    static TargetProgress progress(String targetId, String set, String indicator, String criterion,
                                   String description, String comparator, BigDecimal target, String unit,
                                   LocalDate due, List<MeasuredValue> measured,
                                   StatusTimelines.RollupStatusRow criterionStatus, LocalDate asOf) {
        List<Point> series = measured.stream().filter(m -> m.value() != null)
                .map(m -> new Point(m.validOn(), m.value())).toList();
        Point latest = series.isEmpty() ? null : series.get(series.size() - 1);
        Point previous = series.size() < 2 ? null : series.get(series.size() - 2);
        String trend = previous == null ? null
                : switch (latest.value().compareTo(previous.value())) {
                    case 1 -> "UP";
                    case -1 -> "DOWN";
                    default -> "FLAT";
                };
        String state;
        boolean overdue = due != null && due.isBefore(asOf);
        if (indicator == null && criterionStatus != null) {
            state = "MET".equals(criterionStatus.status()) ? "ACHIEVED" : overdue ? "MISSED" : "AT_RISK";
        } else if (latest == null) {
            state = overdue ? "MISSED" : "NO_DATA";
        } else if (meets(latest.value(), comparator, target)) {
            state = "ACHIEVED";
        } else if (overdue) {
            state = "MISSED";
        } else if (previous != null && due != null && meets(projected(previous, latest, due), comparator, target)) {
            state = "ON_TRACK";
        } else {
            state = "AT_RISK";
        }
        return new TargetProgress(targetId, set, indicator, criterion, description, comparator, target, unit, due,
                latest == null ? null : latest.value(), latest == null ? null : latest.validOn(),
                previous == null ? null : previous.value(), trend, state, series);
    }

    /** The value the straight line through the last two points reaches on {@code due}. */
    private static BigDecimal projected(Point previous, Point latest, LocalDate due) {
        long span = ChronoUnit.DAYS.between(previous.validOn(), latest.validOn());
        if (span <= 0) {
            return latest.value();
        }
        BigDecimal slope = latest.value().subtract(previous.value())
                .divide(BigDecimal.valueOf(span), 10, RoundingMode.HALF_UP);
        return latest.value().add(slope.multiply(BigDecimal.valueOf(ChronoUnit.DAYS.between(latest.validOn(), due))));
    }

    static boolean meets(BigDecimal value, String comparator, BigDecimal target) {
        if (value == null || target == null) {
            return false;
        }
        int c = value.compareTo(target);
        return switch (comparator == null ? ">=" : comparator) {
            case ">", "GT" -> c > 0;
            case "<=", "LE" -> c <= 0;
            case "<", "LT" -> c < 0;
            case "=", "EQ" -> c == 0;
            default -> c >= 0;
        };
    }
}
