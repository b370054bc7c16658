package vn.ntm.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.ntm.testing.AccessMatrix.Guard;
import vn.ntm.testing.AccessMatrix.Outcome;
import vn.ntm.testing.AccessMatrix.Rule;
import vn.ntm.testing.AccessMatrix.Scope;

class AccessMatrixTest {

    /**
     * An allowed request passes only with a 2xx: catches a matrix that counts a 500, a validation 400 or a 404 as
     * "got past access control" (as it once did), so that a write that fails for its body never shows.
     */
    @Test
    void anAllowedRequestMustSucceed() {
        assertThat(outcome(200, 201).wrong()).isFalse();
        assertThat(outcome(200, 202).wrong()).isFalse();
        for (int status : new int[]{500, 400, 404, 409, 422, 401, 403}) {
            assertThat(outcome(200, status).wrong()).as("allowed, got " + status).isTrue();
        }
    }

    /** A refused request passes only with exactly 403 (401 without a token): catches a refusal counted on any 4xx. */
    @Test
    void aRefusedRequestMustGetExactlyItsStatus() {
        assertThat(outcome(403, 403).wrong()).isFalse();
        assertThat(outcome(403, 404).wrong()).isTrue();
        assertThat(outcome(403, 400).wrong()).isTrue();
        assertThat(outcome(401, 403).wrong()).isTrue();
        assertThat(outcome(404, 404).wrong()).as("a documented gap's status").isFalse();
    }

    /**
     * A rule that names more units than its target narrows the scopes allowed: catches a rule that lets a commune
     * merge itself into a neighbour it does not hold.
     */
    @Test
    void aRuleNarrowedToTheDistrictAllowsOnlyTheDistrictAmongTheScopes() {
        Rule merger = Rule.of("POST /api/mergers", Guard.UNIT, "provincial-admin").coveredBy(Scope.PARENT);
        assertThat(merger.allows("provincial-admin", Scope.PARENT)).isTrue();
        assertThat(merger.allows("provincial-admin", Scope.OWN)).isFalse();
        assertThat(merger.allows("analyst", Scope.PARENT)).isFalse();
        Rule read = Rule.of("GET /api/units/{unit}", Guard.UNIT, "viewer");
        assertThat(Scope.values()).filteredOn(scope -> read.allows("viewer", scope))
                .containsExactlyInAnyOrderElementsOf(Scope.COVERING);
    }

    private static Outcome outcome(int expected, int status) {
        return new Outcome("POST /api/x", "caller", "POST /api/x", expected, status, "");
    }
}
