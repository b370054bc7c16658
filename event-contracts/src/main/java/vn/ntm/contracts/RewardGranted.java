package vn.ntm.contracts;

import java.math.BigDecimal;

/** A plan's reward rule paid out for a recognition, e.g. 10 million VND for a model village. */
public record RewardGranted(String recognitionId, String planId, String planNumber, String ruleId, BigDecimal amount,
                            String budgetSource) implements IntegrationPayload {
}
