package vn.ntm.contracts;

import java.time.LocalDate;

/**
 * The attributes thresholds depend on changed from {@code validFrom}; each field holds the value in force from then
 * (null: none). See {@link UnitRegistered} for their meaning.
 */
public record UnitAttributesChanged(String region, Integer communeGroup, String specialStatus, LocalDate validFrom,
                                    String legalBasis) implements IntegrationPayload {
}
