package vn.ntm.support.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Would catch ids that accept the short forms {@code UUID.fromString} lets through, or lose a client's chosen id. */
class UuidsTest {

    private static final String ID = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";

    @Test
    void anIdIsKeptInLowerCase() {
        assertThat(Uuids.canonical(ID.toUpperCase())).isEqualTo(ID);
        assertThat(Uuids.parse(ID.toUpperCase())).contains(ID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1-1-1-1-1", "kế-hoạch-2024", "3f2504e0-4f89-41d3-9a0c-0305e82c33011"})
    void textThatIsNotAUuidInItsFullFormIsNoId(String text) {
        assertThat(Uuids.parse(text)).isEmpty();
        assertThatThrownBy(() -> Uuids.canonical(text)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Uuids.chosenOrNew(text, "id")).isInstanceOfSatisfying(RuleViolation.class,
                violation -> assertThat(violation.type()).isEqualTo("invalid-id"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = "  ")
    void noChosenIdGivesANewOne(String requested) {
        assertThat(Uuids.parse(Uuids.chosenOrNew(requested, "id"))).isPresent();
    }

    @Test
    void aChosenIdIsKept() {
        assertThat(Uuids.chosenOrNew(ID, "id")).isEqualTo(ID);
    }
}
