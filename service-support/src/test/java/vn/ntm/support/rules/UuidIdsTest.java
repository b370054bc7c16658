package vn.ntm.support.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Would catch a typed id's factory that skips {@link Uuids}' rules, or wraps something other than what it read. */
class UuidIdsTest {

    private record SampleId(String value) {
    }

    private static final UuidIds<SampleId> IDS = new UuidIds<>(SampleId::new);
    private static final String ID = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";

    @Test
    void readsOnlyAUuidInItsFullFormAndKeepsItInLowerCase() {
        assertThat(IDS.parse(ID.toUpperCase())).contains(new SampleId(ID));
        assertThat(IDS.parse("1-1-1-1-1")).isEmpty();
        assertThat(IDS.parse(null)).isEmpty();
    }

    @Test
    void keepsAChosenIdMakesOneWhenNoneIsChosenAndRefusesAnyOtherText() {
        assertThat(IDS.chosenOrNew(ID, "id")).isEqualTo(new SampleId(ID));
        assertThat(IDS.parse(IDS.chosenOrNew(" ", "id").value())).isPresent();
        assertThatThrownBy(() -> IDS.chosenOrNew("kế-hoạch", "id")).isInstanceOf(RuleViolation.class);
    }

    @Test
    void aNewIdIsAUuidAndNewEachTime() {
        assertThat(IDS.parse(IDS.random().value())).isPresent();
        assertThat(IDS.random()).isNotEqualTo(IDS.random());
    }
}
