package vn.ntm.village.unit.api;

import java.time.LocalDate;
import vn.ntm.contracts.Actor;

/**
 * Registers a unit from {@code validFrom}.
 *
 * @param parentId   null only for a province
 * @param validFrom  the date the unit exists from (valid time)
 * @param region     socio-economic region code the 2021–2025 thresholds use, e.g. TDMNPB; optional
 * @param legalBasis resolution or decision establishing the unit, if known
 * @param communeGroup  commune group 1–3 (2026–2030 criteria), if assigned
 * @param specialStatus see {@link SpecialStatus}, if any
 */
public record RegisterUnit(UnitId unitId, UnitLevel level, UnitName name, UnitId parentId, LocalDate validFrom,
                                  String region, String legalBasis, Integer communeGroup, String specialStatus,
                                  Actor actor) {
}
