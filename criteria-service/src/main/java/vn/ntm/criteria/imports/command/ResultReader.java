package vn.ntm.criteria.imports.command;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import vn.ntm.criteria.assessment.api.MeasuredValue;
import vn.ntm.criteria.catalogue.api.CriteriaSetDefinition.Indicator;
import vn.ntm.criteria.catalogue.api.IndicatorKind;
import vn.ntm.support.rules.RuleViolation;

/**
 * Reads what an officer wrote in the result column ("kết quả thực hiện") as a measurement of one indicator. Pure.
 *
 * <p>What is accepted, by the indicator's kind (the template's footer says the same to the officer):
 * <ul>
 * <li>RATE: {@code numerator/denominator} in whole numbers ({@code 1900/2150}, {@code 1.900/2.150}), recorded as the
 * counts; or a percentage ({@code 88,4%}, {@code 88.4 %}, {@code 88,4}, a number cell formatted as percent),
 * recorded as the value in percent;</li>
 * <li>NUMBER: a number with a decimal comma or point ({@code 74,5}, {@code 74.5});</li>
 * <li>MUST_BE_NONE: a whole number ({@code 0}), or {@code không} for none;</li>
 * <li>PASS_FAIL: {@code Đạt} or {@code Không đạt} / {@code Chưa đạt} (with or without diacritics; {@code Met} /
 * {@code Not met} in English), or a TRUE/FALSE cell.</li>
 * </ul>
 * A value followed by the indicator's own unit ({@code 98.5 % households}, as reporting-service's progress report
 * writes it) is read as the value. A single {@code ,} or {@code .} is the decimal mark; thousands are grouped only
 * when the grouping is unambiguous ({@code 1.234.567}, {@code 1.234,5}, {@code 1 234}), except in counts, which are
 * whole numbers and so read {@code 1.900} as 1900.
 */
final class ResultReader {

    /** A reason a result cannot be read: a {@code problem.<type>} sentence of the bundles with its arguments. */
    record Refusal(String type, List<Object> args) {
        static Refusal of(String type, Object... args) {
            return new Refusal(type, List.of(args));
        }
    }

    /** What one result cell says: nothing, a value, or a refusal. */
    record Read(MeasuredValue value, Refusal refusal) {
        static final Read EMPTY = new Read(null, null);

        boolean empty() {
            return value == null && refusal == null;
        }
    }

    /** The content of a result cell as the file holds it. */
    sealed interface Raw {
        /** What the cell shows, for the preview. */
        String shown();
    }

    record Text(String shown) implements Raw {
    }

    static final Text BLANK = new Text("");

    /** A number cell (or a formula's cached number); {@code percent}: formatted as a percentage (0.884 shows 88.4%). */
    record Number(double value, boolean percent, boolean date, String shown) implements Raw {
    }

    record Bool(boolean value, String shown) implements Raw {
    }

    /** A formula whose cached result is an error (#DIV/0!, #REF!, ...). */
    record Error(String shown) implements Raw {
    }

    static final int MAX_INTEGER_DIGITS = 15;
    static final int MAX_FRACTION_DIGITS = 10;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Set<String> PASSED = Set.of("dat", "met", "pass", "passed");
    private static final Set<String> FAILED = Set.of("khong dat", "chua dat", "not met", "fail", "failed");
    private static final Set<String> NONE = Set.of("khong", "khong co", "khong con", "none");
    private static final Pattern WHOLE = Pattern.compile("\\d+");
    private static final Pattern ONE_MARK = Pattern.compile("\\d*[.,]\\d+");
    private static final Pattern VN_GROUPED = Pattern.compile("\\d{1,3}(\\.\\d{3})+(,\\d+)?");
    private static final Pattern EN_GROUPED = Pattern.compile("\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    private static final Pattern SPACE_GROUPED = Pattern.compile("\\d{1,3}( \\d{3})+([.,]\\d+)?");
    private static final Pattern GROUPED_COUNT = Pattern.compile("\\d{1,3}([., ]\\d{3})+");

    private ResultReader() {
    }

    static Read read(Indicator indicator, Raw raw) {
        if (raw instanceof Number n) {
            return number(indicator, n);
        }
        if (raw instanceof Bool b) {
            return indicator.kind() == IndicatorKind.PASS_FAIL ? value(null, null, null, b.value())
                    : refuse(expected(indicator.kind()), b.shown());
        }
        if (raw instanceof Error e) {
            return refuse("import-formula-error", e.shown());
        }
        return text(indicator, raw.shown());
    }

    /** A value written as text. */
    static Read text(Indicator indicator, String written) {
        String text = SpreadsheetLayout.clean(written);
        if (text.isEmpty()) {
            return Read.EMPTY;
        }
        String s = withoutUnit(text, indicator.unit());
        return switch (indicator.kind()) {
            case PASS_FAIL -> passFail(s, text);
            case RATE -> s.contains("/") ? counts(s, text) : percent(s, text);
            case NUMBER -> number(s, text, indicator.unit());
            case MUST_BE_NONE -> NONE.contains(SpreadsheetLayout.fold(s)) ? value(BigDecimal.ZERO, null, null, null)
                    : whole(s, text);
        };
    }

    private static Read number(Indicator indicator, Number cell) {
        if (cell.date()) {
            return refuse("import-date-in-cell", cell.shown());
        }
        IndicatorKind kind = indicator.kind();
        if (kind == IndicatorKind.PASS_FAIL) {
            return refuse(expected(kind), cell.shown());
        }
        if (Double.isNaN(cell.value()) || Double.isInfinite(cell.value())) {
            return refuse(expected(kind), cell.shown());
        }
        BigDecimal value = new BigDecimal(Double.toString(cell.value()));
        if (cell.percent()) {
            if (kind != IndicatorKind.RATE && !percentUnit(indicator.unit())) {
                return refuse("import-percent-not-allowed", cell.shown(), unitOf(indicator));
            }
            value = value.movePointRight(2);
        }
        // a double carries binary noise (0.1 + 0.2); nothing measured here has more than ten decimals
        value = value.setScale(Math.min(Math.max(value.scale(), 0), MAX_FRACTION_DIGITS), RoundingMode.HALF_UP);
        if (value.signum() < 0) {
            return refuse("negative-value", cell.shown());
        }
        if (value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
            return refuse("import-number-too-long", cell.shown());
        }
        return switch (kind) {
            case RATE -> value.compareTo(HUNDRED) > 0 ? refuse("percent-above-100", cell.shown().replace("%", ""))
                    : value(value, null, null, null);
            case NUMBER -> value(value, null, null, null);
            case MUST_BE_NONE -> value.stripTrailingZeros().scale() > 0 ? refuse(expected(kind), cell.shown())
                    : value(value.setScale(0, RoundingMode.UNNECESSARY), null, null, null);
            case PASS_FAIL -> throw new IllegalStateException("handled above");
        };
    }

    private static Read passFail(String s, String text) {
        String folded = SpreadsheetLayout.fold(s);
        if (PASSED.contains(folded)) {
            return value(null, null, null, true);
        }
        if (FAILED.contains(folded)) {
            return value(null, null, null, false);
        }
        return refuse("import-pass-fail-expected", text);
    }

    private static Read counts(String s, String text) {
        String[] parts = s.split("/", -1);
        if (parts.length != 2) {
            return refuse("import-rate-expected", text);
        }
        Long[] counts = new Long[2];
        for (int i = 0; i < 2; i++) {
            String part = parts[i].trim();
            if (part.startsWith("-") || part.startsWith("−")) {
                return refuse("negative-value", part);
            }
            String digits = WHOLE.matcher(part).matches() ? part
                    : GROUPED_COUNT.matcher(part).matches() ? part.replaceAll("[., ]", "") : null;
            if (digits == null) {
                return decimal(part) != null ? refuse("import-counts-not-whole", text)
                        : refuse("import-rate-expected", text);
            }
            if (digits.length() > MAX_INTEGER_DIGITS) {
                return refuse("import-number-too-long", text);
            }
            counts[i] = Long.parseLong(digits);
        }
        return value(null, counts[0], counts[1], null);
    }

    private static Read percent(String s, String text) {
        String number = s.endsWith("%") ? s.substring(0, s.length() - 1).trim() : s;
        Read read = decimalRead(number, text, "import-rate-expected");
        if (read.value() != null && read.value().value().compareTo(HUNDRED) > 0) {
            return refuse("percent-above-100", number);
        }
        return read;
    }

    private static Read number(String s, String text, String unit) {
        String number = s;
        if (s.endsWith("%")) {
            if (!percentUnit(unit)) {
                return refuse("import-percent-not-allowed", text, unit == null ? "" : unit);
            }
            number = s.substring(0, s.length() - 1).trim();
        }
        return decimalRead(number, text, "import-number-expected");
    }

    private static Read whole(String s, String text) {
        Read read = decimalRead(s, text, "import-whole-number-expected");
        if (read.value() == null) {
            return read;
        }
        BigDecimal value = read.value().value();
        return value.stripTrailingZeros().scale() > 0 ? refuse("import-whole-number-expected", text)
                : value(value.setScale(0, RoundingMode.UNNECESSARY), null, null, null);
    }

    private static Read decimalRead(String s, String text, String notANumber) {
        if (s.startsWith("-") || s.startsWith("−")) {
            return decimal(s.substring(1).trim()) != null ? refuse("negative-value", s) : refuse(notANumber, text);
        }
        BigDecimal value = decimal(s);
        if (value == null) {
            return refuse(notANumber, text);
        }
        if (value.precision() - value.scale() > MAX_INTEGER_DIGITS || value.scale() > MAX_FRACTION_DIGITS * 3) {
            return refuse("import-number-too-long", text);
        }
        // more decimals than anything measured here has (a percentage computed to 16 digits): rounded
        return value(value.scale() > MAX_FRACTION_DIGITS ? value.setScale(MAX_FRACTION_DIGITS, RoundingMode.HALF_UP)
                : value, null, null, null);
    }

    /** A non-negative decimal as an officer may write it, or null when it is not one. */
    static BigDecimal decimal(String s) {
        String plain;
        if (WHOLE.matcher(s).matches()) {
            plain = s;
        } else if (ONE_MARK.matcher(s).matches()) {
            plain = s.replace(',', '.');
        } else if (VN_GROUPED.matcher(s).matches()) {
            plain = s.replace(".", "").replace(',', '.');
        } else if (EN_GROUPED.matcher(s).matches()) {
            plain = s.replace(",", "");
        } else if (SPACE_GROUPED.matcher(s).matches()) {
            plain = s.replace(" ", "").replace(',', '.');
        } else {
            return null;
        }
        return new BigDecimal(plain.startsWith(".") ? "0" + plain : plain);
    }

    /** The written value without the indicator's unit after it ("98.5 % households", "54 triệu đồng/người/năm"). */
    private static String withoutUnit(String text, String unit) {
        String u = SpreadsheetLayout.clean(unit);
        if (u.isEmpty() || text.length() <= u.length()) {
            return text;
        }
        String tail = text.substring(text.length() - u.length());
        return tail.equalsIgnoreCase(u) ? text.substring(0, text.length() - u.length()).trim() : text;
    }

    private static boolean percentUnit(String unit) {
        return unit != null && unit.contains("%");
    }

    private static String unitOf(Indicator indicator) {
        return indicator.unit() == null ? "" : indicator.unit();
    }

    private static String expected(IndicatorKind kind) {
        return switch (kind) {
            case RATE -> "import-rate-expected";
            case NUMBER -> "import-number-expected";
            case MUST_BE_NONE -> "import-whole-number-expected";
            case PASS_FAIL -> "import-pass-fail-expected";
        };
    }

    /** A value, or the refusal its own rules give (numerator above denominator, a denominator of 0). */
    private static Read value(BigDecimal value, Long numerator, Long denominator, Boolean passed) {
        try {
            return new Read(new MeasuredValue(value, numerator, denominator, passed), null);
        } catch (RuleViolation violation) {
            return new Read(null, new Refusal(violation.type(), List.of(violation.args())));
        }
    }

    private static Read refuse(String type, Object... args) {
        return new Read(null, Refusal.of(type, args));
    }
}
