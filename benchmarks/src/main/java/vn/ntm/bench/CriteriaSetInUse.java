package vn.ntm.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The criteria set as criteria-service answers it: its indicators and the dates a measurement may carry, from the
 * set's first day to its last or today, whichever comes first (a later date would be refused as in the future).
 */
record CriteriaSetInUse(List<Indicator> indicators, LocalDate firstDay, LocalDate lastDay) {

    /** Reads the answer of {@code GET /api/criteria-sets/{code}}, on {@code today} (Vietnam's, in a run). */
    static CriteriaSetInUse of(JsonNode set, LocalDate today) {
        List<Indicator> indicators = new ArrayList<>();
        set.path("criteria").forEach(c -> c.path("indicators").forEach(i -> indicators.add(
                new Indicator(i.path("code").asString(), i.path("kind").asString(),
                        i.path("unit").isNull() ? null : i.path("unit").asString()))));
        JsonNode effectiveTo = set.path("effectiveTo");
        LocalDate end = effectiveTo.isNull() || effectiveTo.isMissingNode() ? null
                : LocalDate.parse(effectiveTo.asString());
        return new CriteriaSetInUse(List.copyOf(indicators), LocalDate.parse(set.path("effectiveFrom").asString()),
                lastDay(end, today));
    }

    /** The set's last day, or today if the set is open-ended or ends later. */
    static LocalDate lastDay(LocalDate effectiveTo, LocalDate today) {
        return effectiveTo == null || !effectiveTo.isBefore(today) ? today : effectiveTo;
    }

    /** Measurements for these units spread over the set's dates; {@code sequenceBase} keeps streams apart. */
    MeasurementStream stream(List<SyntheticProvince.Unit> units, long sequenceBase) {
        return new MeasurementStream(BenchmarkRun.SET, units, indicators, firstDay, lastDay, sequenceBase);
    }
}
