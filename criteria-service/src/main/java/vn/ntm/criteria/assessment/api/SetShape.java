package vn.ntm.criteria.assessment.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.ntm.criteria.catalogue.api.CriteriaSetDefinition;

/**
 * Which indicators make up each criterion of a set: what the assessment needs to roll indicator statuses up into
 * criterion (tiêu chí) and set statuses. Taken from the catalogue when a command is sent.
 */
public record SetShape(Map<String, List<String>> indicatorsByCriterion) {

    public SetShape {
        indicatorsByCriterion = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(indicatorsByCriterion));
    }

    public static SetShape of(CriteriaSetDefinition set) {
        Map<String, List<String>> shape = new LinkedHashMap<>();
        set.criteria().forEach(c -> shape.put(c.code(),
                c.indicators().stream().map(CriteriaSetDefinition.Indicator::code).toList()));
        return new SetShape(shape);
    }

    public String criterionOf(String indicatorCode) {
        return indicatorsByCriterion.entrySet().stream().filter(e -> e.getValue().contains(indicatorCode))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
    }
}
