package vn.ntm.support.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.ParseException;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A recorded time ({@code knownAt}) as a person or a machine writes it. A plain date was refused before. */
class InstantParameterTest {

    private final InstantParameter parameter = new InstantParameter();

    @Test
    void aDateMeansTheEndOfThatDayInVietnam() throws ParseException {
        assertThat(parameter.parse("2026-12-02", Locale.ROOT))
                .as("23:59:59.999999 in Hà Nội (UTC+7)").isEqualTo(Instant.parse("2026-12-02T16:59:59.999999Z"));
    }

    @Test
    void anInstantAndADateTimeWithItsOffsetAreTakenAsWritten() throws ParseException {
        assertThat(parameter.parse("2026-12-02T10:00:00Z", Locale.ROOT)).isEqualTo(Instant.parse("2026-12-02T10:00:00Z"));
        assertThat(parameter.parse("2026-12-02T17:00:00+07:00", Locale.ROOT))
                .isEqualTo(Instant.parse("2026-12-02T10:00:00Z"));
    }

    @Test
    void aDateTimeWithoutAZoneOrAnythingElseIsRefused() {
        for (String text : new String[] {"2026-12-02T10:00:00", "02/12/2026", "2026-02-30", "yesterday", ""}) {
            assertThatThrownBy(() -> parameter.parse(text, Locale.ROOT)).as(text).isInstanceOf(ParseException.class);
        }
    }
}
