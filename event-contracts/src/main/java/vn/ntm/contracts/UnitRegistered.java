package vn.ntm.contracts;

import java.time.LocalDate;

/**
 * An administrative unit (tỉnh province, huyện district, xã commune, thôn village) was registered.
 *
 * @param level      PROVINCE, DISTRICT, COMMUNE or VILLAGE
 * @param parentId   the unit it belongs to from {@code validFrom}; null for a province
 * @param region     socio-economic region code (e.g. TDMNPB) used by the 2021–2025 thresholds; may be null
 * @param legalBasis the resolution or decision that created or recognised the unit, if known
 */
public record UnitRegistered(String level, String name, String parentId, LocalDate validFrom, String region,
                             String legalBasis) implements IntegrationPayload {
}
