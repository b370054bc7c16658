package vn.ntm.contracts;

import java.util.List;

/**
 * A recognised unit's criteria lapsed far enough to meet a revocation trigger of decision 18/2022/QĐ-TTg: 30% to under
 * 50% of criteria failing with at least one key criterion among them, or 50% and more failing.
 *
 * @param trigger KEY_CRITERION_30_PERCENT or HALF_OR_MORE
 */
public record RevocationWarning(String recognitionId, String level, String criteriaSetCode, String trigger,
                                int criteriaFailing, int criteriaTotal, List<String> failingCriteria,
                                List<String> failingKeyCriteria) implements IntegrationPayload {
}
