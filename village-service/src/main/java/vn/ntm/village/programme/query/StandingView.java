package vn.ntm.village.programme.query;

import java.time.LocalDate;
import java.util.List;
import vn.ntm.village.programme.command.StandingTimelines.CriterionStanding;

/**
 * A unit's standing against a set on {@code asOf}: the status and counts of that date, the criteria not met and
 * those with no status (each as "code name"), the stretch [validFrom, validUntil) they hold on, and each criterion's
 * status that day.
 */
public record StandingView(LocalDate asOf, String status, int criteriaMet, int criteriaTotal, List<String> notMet,
                           List<String> unknown, LocalDate validFrom, LocalDate validUntil, int setVersion,
                           List<CriterionStanding> criteria) {
}
