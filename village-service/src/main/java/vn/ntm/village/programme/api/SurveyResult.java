package vn.ntm.village.programme.api;

import vn.ntm.village.unit.api.UnitId;

/** Households surveyed and satisfied in one village, as the Fatherland Front (MTTQ) counted them. */
public record SurveyResult(UnitId unitId, String unitName, int householdsSurveyed, int householdsSatisfied) {
}
