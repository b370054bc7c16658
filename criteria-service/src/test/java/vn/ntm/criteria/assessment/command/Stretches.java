package vn.ntm.criteria.assessment.command;

import java.util.List;
import vn.ntm.criteria.assessment.api.CriteriaSetStatusChanged;
import vn.ntm.criteria.assessment.api.CriterionStatusChanged;
import vn.ntm.criteria.assessment.api.IndicatorStatusChanged;

/** Status events written as one line each, so a test can say exactly which stretches a command published. */
final class Stretches {

    private Stretches() {
    }

    /** e.g. {@code I1 [2024-03-31, 2024-06-30) MET by m0 v1 MEASUREMENT_RECORDED m0}, or {@code null} for another event. */
    static String line(Object payload) {
        if (payload instanceof IndicatorStatusChanged e) {
            return e.indicatorCode() + " " + range(e.validFrom(), e.validUntil()) + " " + e.status()
                    + (e.governingMeasurementId() == null ? "" : " by " + e.governingMeasurementId()) + " v"
                    + e.setVersion() + " " + cause(e.cause());
        }
        if (payload instanceof CriterionStatusChanged e) {
            return e.criterionCode() + " " + range(e.validFrom(), e.validUntil()) + " " + e.status() + " v"
                    + e.setVersion() + " " + cause(e.cause());
        }
        if (payload instanceof CriteriaSetStatusChanged e) {
            return "SET " + range(e.validFrom(), e.validUntil()) + " " + e.status() + " " + e.criteriaMet() + "/"
                    + e.criteriaTotal() + " not met " + e.criteriaNotMet() + " v" + e.setVersion() + " "
                    + cause(e.cause());
        }
        return null;
    }

    static List<String> lines(List<?> payloads) {
        return payloads.stream().map(Stretches::line).filter(java.util.Objects::nonNull).toList();
    }

    private static String range(java.time.LocalDate from, java.time.LocalDate until) {
        return "[" + from + ", " + (until == null ? "…" : until) + ")";
    }

    private static String cause(vn.ntm.contracts.StatusCause cause) {
        return cause.kind() + (cause.measurementId() == null ? "" : " " + cause.measurementId());
    }
}
