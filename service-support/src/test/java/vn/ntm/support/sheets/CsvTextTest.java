package vn.ntm.support.sheets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Would catch a writer that lets a formula through, or breaks a cell holding a comma, a quote or a line break. */
class CsvTextTest {

    @ParameterizedTest(name = "[{0}] is written [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "Thôn Đồng Điều | Thôn Đồng Điều",
            "74,5 | `\"74,5\"`",
            "`Biên bản \"quý I\"` | `\"Biên bản \"\"quý I\"\"\"`",
            "=HYPERLINK(\"x\") | `\"'=HYPERLINK(\"\"x\"\")\"`",
            "+84 912 | '+84 912",
            "@SUM(A1) | '@SUM(A1)",
            "-12.5 | -12.5",
            "-tăng | '-tăng"})
    void aCellIsQuotedWhereNeededAndNeverAFormula(String value, String written) {
        assertThat(CsvText.cell(value)).isEqualTo(written);
    }

    @Test
    void aLineEndsInCrLfWithItsCellsSeparatedByCommas() {
        StringBuilder out = new StringBuilder();
        CsvText.line(out, List.of("4.2", "Tỷ lệ hộ dùng điện", ""));
        assertThat(out).hasToString("4.2,Tỷ lệ hộ dùng điện,\r\n");
    }

    @Test
    void aLineBreakInsideACellKeepsTheCellWhole() {
        assertThat(CsvText.cell("dòng 1\ndòng 2")).isEqualTo("\"dòng 1\ndòng 2\"");
    }
}
