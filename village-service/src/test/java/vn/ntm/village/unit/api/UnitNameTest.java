package vn.ntm.village.unit.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import vn.ntm.support.rules.RuleViolation;

class UnitNameTest {

    @Test
    void theSameNameTypedWithCombiningMarksIsOneName() {
        String decomposed = Normalizer.normalize("Song Vân", Normalizer.Form.NFD);
        assertThat(decomposed).isNotEqualTo("Song Vân");
        assertThat(new UnitName(decomposed)).isEqualTo(new UnitName("Song Vân"));
    }

    @Test
    void extraSpacesDoNotMakeANewName() {
        assertThat(new UnitName("  Hoàng   Vân ").value()).isEqualTo("Hoàng Vân");
    }

    @Test
    void casingDoesNotMakeANewName() {
        assertThat(new UnitName("ngọc thiện").key()).isEqualTo(new UnitName("Ngọc Thiện").key());
    }

    @Test
    void blankAndMarkupNamesAreRefused() {
        assertThatThrownBy(() -> new UnitName("  ")).isInstanceOf(RuleViolation.class).hasMessageContaining("blank-name");
        assertThatThrownBy(() -> new UnitName("<script>")).hasMessageContaining("name-bad-characters");
        assertThatThrownBy(() -> new UnitName("x".repeat(121))).hasMessageContaining("name-too-long");
    }
}
