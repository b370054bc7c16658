package vn.ntm.contracts;

import java.time.LocalDate;

/** A unit took a new name from {@code validFrom}; its history under the old name stays attached to its id. */
public record UnitRenamed(String name, String previousName, LocalDate validFrom, String legalBasis)
        implements IntegrationPayload {
}
