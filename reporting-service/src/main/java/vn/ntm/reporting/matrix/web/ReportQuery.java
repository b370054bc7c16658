package vn.ntm.reporting.matrix.web;

import io.swagger.v3.oas.annotations.Parameter;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import vn.ntm.support.rules.RuleViolation;
import vn.ntm.reporting.matrix.query.CriteriaMatrix;

/**
 * The query parameters every report shares: which subtree, on which valid date, as known at which recorded time,
 * against which criteria set.
 *
 * @param unit        root of the subtree (default: the whole tree); a unit that had ended by asOf is answered by its
 *                    successor
 * @param asOf        valid date (default: today)
 * @param knownAt     recorded time: what the platform knew then (default: now); an ISO instant, a date-time with
 *                    offset, or a date meaning the end of that day in Vietnam (service-support's InstantParameter)
 * @param criteriaSet only this criteria set (default: every set with data)
 */
public record ReportQuery(
        @Parameter(description = "root of the subtree (default: whole tree)") String unit,
        @Parameter(description = "valid date, ISO (default: today)")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
        @Parameter(description = ReportQuery.KNOWN_AT + " (default: now)") Instant knownAt,
        @Parameter(description = "criteria set code (default: all)") String criteriaSet) {

    /** How a {@code knownAt} parameter reads, for the API docs. */
    public static final String KNOWN_AT = "recorded time: an ISO instant (2026-12-02T10:00:00Z), a date-time with "
            + "offset, or a date (2026-12-02: the end of that day in Vietnam)";

    /** The query with its defaults filled in; a unit id that is not a UUID is refused. */
    public CriteriaMatrix.Query resolve(Clock clock) {
        if (unit != null) {
            try {
                UUID.fromString(unit);
            } catch (IllegalArgumentException e) {
                throw RuleViolation.invalid("invalid-unit-id", "unit", unit);
            }
        }
        return new CriteriaMatrix.Query(unit, asOf != null ? asOf : LocalDate.now(clock),
                knownAt != null ? knownAt : clock.instant(), criteriaSet);
    }
}
