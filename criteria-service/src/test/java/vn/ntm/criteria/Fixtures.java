package vn.ntm.criteria;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import vn.ntm.contracts.Actor;
import vn.ntm.criteria.assessment.api.IndicatorRule;
import vn.ntm.criteria.catalogue.api.Comparator;
import vn.ntm.criteria.catalogue.api.CriteriaSetDefinition;
import vn.ntm.criteria.catalogue.api.CriteriaSetDefinition.Criterion;
import vn.ntm.criteria.catalogue.api.CriteriaSetDefinition.Indicator;
import vn.ntm.criteria.catalogue.api.CriteriaSetDefinition.Threshold;
import vn.ntm.criteria.catalogue.api.CriteriaSetId;
import vn.ntm.criteria.catalogue.api.CriteriaSetLevel;
import vn.ntm.criteria.catalogue.api.IndicatorKind;

/** Test data shared by the criteria-service tests. The values are test values, not legal thresholds. */
public final class Fixtures {

    public static final Actor OFFICER = new Actor("can-bo@songvan", "commune-officer", null);
    public static final CriteriaSetId SET = new CriteriaSetId("TEST-SET");
    public static final LocalDate SET_FROM = LocalDate.of(2022, 3, 8);
    public static final LocalDate SET_TO = LocalDate.of(2026, 2, 14);

    private Fixtures() {
    }

    public static IndicatorRule rule(String code, IndicatorKind kind, Comparator comparator, String threshold) {
        return new IndicatorRule(SET, "4", code, kind, comparator, kind == IndicatorKind.RATE ? "% households" : null,
                threshold == null ? null : new BigDecimal(threshold), true, "test source", SET_FROM, SET_TO, 1);
    }

    public static Threshold threshold(String region, Integer group, Integer year, String value) {
        return new Threshold(region, group, year, new BigDecimal(value), null, null, false, "test");
    }

    public static CriteriaSetDefinition definition(String code, List<Indicator> indicators) {
        return new CriteriaSetDefinition(code, 1, "Bộ tiêu chí thử nghiệm", "Test set", CriteriaSetLevel.COMMUNE,
                "NATIONAL", "Test basis", SET_FROM, SET_TO, "test data", false,
                List.of(new Criterion("4", "Điện", "Electricity", true, indicators)));
    }

    public static Indicator indicator(String code, IndicatorKind kind, Comparator comparator, List<Threshold> thresholds) {
        return new Indicator(code, "Chỉ tiêu " + code, "Indicator " + code, kind, comparator, null, false, "test",
                thresholds);
    }
}
