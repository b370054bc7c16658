package vn.ntm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayMeasureTest {

    @Test
    void namesOnlyTheTablesWhoseGenerationsDiffer() {
        List<String> differing = ReplayMeasure.differing(Http.JSON.readTree("""
                {"equal": false, "tables": [
                  {"table": "unit_view", "onlyInLive": 0, "onlyInOther": 0},
                  {"table": "measurement_history", "onlyInLive": 3, "onlyInOther": 0},
                  {"table": "criterion_status", "onlyInLive": 0, "onlyInOther": 2}]}
                """));

        assertThat(differing).containsExactly("measurement_history (rebuilt only 3, replaced only 0)",
                "criterion_status (rebuilt only 0, replaced only 2)");
    }

    @Test
    void equalGenerationsNameNoTable() {
        assertThat(ReplayMeasure.differing(Http.JSON.readTree("""
                {"equal": true, "tables": [{"table": "unit_view", "onlyInLive": 0, "onlyInOther": 0}]}
                """))).isEmpty();
    }

    @Test
    void theBaselineIsTheMedianOfThreeReadsByThroughput() {
        Baselines.Outcome slow = new Baselines.Outcome(1_000, 0, 1.0);
        Baselines.Outcome middle = new Baselines.Outcome(1_000, 0, 0.5);
        Baselines.Outcome fast = new Baselines.Outcome(1_000, 0, 0.1);

        assertThat(ReplayMeasure.median(List.of(fast, slow, middle))).isSameAs(middle);
    }
}
