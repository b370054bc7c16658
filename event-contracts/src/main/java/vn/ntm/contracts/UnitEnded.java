package vn.ntm.contracts;

import java.time.LocalDate;
import java.util.List;

/**
 * A unit ceased to exist: from {@code validFrom} (the day the change takes effect) it is no longer in the tree.
 * Its history stays attached to its id and is reachable from its successors.
 *
 * @param reason       MERGED (into the one successor), SPLIT (into the successors) or DISSOLVED (no successor)
 * @param successorIds the units that took over its territory and its villages; empty when dissolved
 */
public record UnitEnded(String reason, List<String> successorIds, LocalDate validFrom, String legalBasis)
        implements IntegrationPayload {

    public UnitEnded {
        successorIds = successorIds == null ? List.of() : List.copyOf(successorIds);
    }
}
