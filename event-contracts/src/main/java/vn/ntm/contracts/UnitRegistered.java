package vn.ntm.contracts;

import java.time.LocalDate;

/**
 * An administrative unit (tỉnh province, huyện district, xã commune, thôn village) was registered.
 *
 * @param level      PROVINCE, DISTRICT, COMMUNE or VILLAGE
 * @param parentId   the unit it belongs to from {@code validFrom}; null for a province
 * @param region     socio-economic region code (e.g. TDMNPB) used by the 2021–2025 thresholds; may be null
 * @param legalBasis the resolution or decision that created or recognised the unit, if known
 * @param communeGroup  commune group 1–3 of the 2026–2030 criteria; null when not assigned
 * @param specialStatus e.g. ESPECIALLY_DISADVANTAGED (xã đặc biệt khó khăn): such communes are judged by the
 *                      Northern Midlands and Mountains thresholds whatever their region
 */
public record UnitRegistered(String level, String name, String parentId, LocalDate validFrom, String region,
                             String legalBasis, Integer communeGroup, String specialStatus)
        implements IntegrationPayload {
}
