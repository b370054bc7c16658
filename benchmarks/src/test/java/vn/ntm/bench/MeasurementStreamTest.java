package vn.ntm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MeasurementStreamTest {

    private static final LocalDate FIRST = LocalDate.of(2022, 3, 8);
    private static final LocalDate LAST = LocalDate.of(2026, 2, 14);
    private final List<SyntheticProvince.Unit> communes = new SyntheticProvince(5, 0, 1).communes();
    private final List<Indicator> indicators = List.of(new Indicator("1.1", "PASS_FAIL", null),
            new Indicator("2.1", "RATE", "% km"), new Indicator("9.1", "MUST_BE_NONE", null),
            new Indicator("10", "NUMBER", "triệu đồng/người/năm"));

    private MeasurementStream stream() {
        return new MeasurementStream("VN-XA-NTM-2021-2025", communes, indicators, FIRST, LAST, 0);
    }

    @Test
    void neverRepeatsADateForTheSameCommuneAndIndicatorAndStaysInTheSetsPeriod() {
        MeasurementStream stream = stream();
        Set<String> keys = new HashSet<>();
        IntStream.range(0, 20 * 200).forEach(i -> {
            MeasurementStream.Measurement m = stream.next();
            assertThat(keys.add(m.key())).as("unique " + m.key()).isTrue();
            assertThat(m.validOn()).isBetween(FIRST, LAST);
        });
    }

    @Test
    void consecutiveMeasurementsGoToDifferentCommunesAndSpanYears() {
        MeasurementStream stream = stream();
        MeasurementStream.Measurement first = stream.next();
        assertThat(stream.next().unitId()).isNotEqualTo(first.unitId());
        Set<Integer> years = new HashSet<>();
        IntStream.range(0, 4 * 20).forEach(i -> years.add(stream.next().validOn().getYear()));
        assertThat(years).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void eachValueFitsItsIndicatorsKind() {
        MeasurementStream stream = stream();
        IntStream.range(0, 400).forEach(i -> {
            MeasurementStream.Measurement m = stream.next();
            switch (m.indicatorCode()) {
                case "1.1" -> {
                    assertThat(m.passed()).isNotNull();
                    assertThat(m.office()).contains("thử nghiệm");
                }
                case "2.1" -> assertThat(m.numerator()).isBetween(0L, m.denominator());
                case "9.1" -> assertThat(m.value().stripTrailingZeros().scale()).isLessThanOrEqualTo(0);
                default -> assertThat(m.value()).isBetween(java.math.BigDecimal.valueOf(35),
                        java.math.BigDecimal.valueOf(75));
            }
            assertThat(m.request()).containsKeys("criteriaSet", "indicatorCode", "validOn", "evidence");
        });
    }

    @Test
    void aFormIsOneCommunesIndicatorsOnOneDateAndFormsTakeTheCommunesInTurn() {
        MeasurementStream stream = stream();
        List<MeasurementStream.Form> forms = stream.forms(4 * 6 + 3);
        assertThat(forms).hasSize(7);
        assertThat(forms.get(0).items()).extracting(MeasurementStream.Measurement::indicatorCode)
                .containsExactly("1.1", "2.1", "9.1", "10");
        assertThat(forms.get(6).items()).as("the last form holds what is left").hasSize(3);
        assertThat(forms).allSatisfy(form -> assertThat(form.items()).allSatisfy(m -> {
            assertThat(m.unitId()).isEqualTo(form.unitId());
            assertThat(m.validOn()).isEqualTo(form.validOn());
        }));
        assertThat(forms.subList(0, 5)).extracting(MeasurementStream.Form::unitId).doesNotHaveDuplicates();
        assertThat(forms.get(5).unitId()).isEqualTo(forms.get(0).unitId());
        assertThat(forms.get(5).validOn()).isNotEqualTo(forms.get(0).validOn());
        assertThat(forms.get(0).request()).containsKeys("criteriaSet", "validOn", "items");
    }

    @Test
    void formsAndSingleMeasurementsFromOneStreamNeverRepeatADateOfAPair() {
        MeasurementStream stream = stream();
        Set<String> keys = new HashSet<>();
        IntStream.range(0, 50).forEach(round -> {
            stream.nextForm(round % 2 == 0 ? 4 : 2).items().forEach(m -> assertThat(keys.add(m.key()))
                    .as("unique " + m.key()).isTrue());
            IntStream.range(0, 7).forEach(i -> {
                MeasurementStream.Measurement m = stream.next();
                assertThat(keys.add(m.key())).as("unique " + m.key()).isTrue();
            });
        });
    }

    @Test
    void theSameSizesGiveTheSameMeasurements() {
        MeasurementStream a = stream();
        MeasurementStream b = stream();
        IntStream.range(0, 100).forEach(i -> assertThat(a.next()).isEqualTo(b.next()));
    }
}
