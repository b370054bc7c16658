package vn.ntm.criteria.assessment.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The note the log keeps names the office without a "null" where no note was given (it read "[Phòng KT] null"). */
class EvidenceTest {

    @Test
    void anOfficeWithoutANoteIsTheOfficeAlone() {
        assertThat(new Evidence(null, null, null, "Phòng KT").noteWithOffice()).isEqualTo("[Phòng KT]");
        assertThat(new Evidence(null, null, "  ", "Phòng KT").noteWithOffice()).isEqualTo("[Phòng KT]");
    }

    @Test
    void anOfficeAndANoteAreBothShownAndANoteAloneIsItself() {
        assertThat(new Evidence(null, null, "đã kiểm tra", "Phòng KT").noteWithOffice())
                .isEqualTo("[Phòng KT] đã kiểm tra");
        assertThat(new Evidence("30/KH-UBND", null, "đã kiểm tra", null).noteWithOffice()).isEqualTo("đã kiểm tra");
    }

    @Test
    void neitherIsNoNote() {
        assertThat(Evidence.NONE.noteWithOffice()).isNull();
    }
}
