package vn.ntm.support.web;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import vn.ntm.support.rules.RuleViolation;

/**
 * Refuses (400, naming the field) a value no field may hold, whatever the endpoint:
 * <ul>
 * <li>{@code invalid-character}: text with a C0 control character other than tab and line breaks (PostgreSQL
 * cannot store a NUL), DEL, or half a surrogate pair;</li>
 * <li>{@code invisible-character}: zero-width characters, direction marks, no-break and other special spaces;</li>
 * <li>{@code date-out-of-range}: a date before {@link #EARLIEST_DATE} (a mistyped year such as 0001);</li>
 * <li>{@code number-out-of-range}: a number with more than {@value #MAX_INTEGER_DIGITS} digits before or
 * {@value #MAX_FRACTION_DIGITS} after the decimal point, or not a number at all — {@code 1e999999999} is a few
 * bytes of JSON but a billion digits once written out, enough to exhaust the heap.</li>
 * </ul>
 * Every request body read by Spring is walked on arrival (records, collections, maps, text, numbers), before a
 * controller runs and so before anything is recorded; a controller that reads a body itself (a YAML document, a
 * form) calls {@link #refuse} on what it read.
 */
@ControllerAdvice
public class UnstorableValues extends RequestBodyAdviceAdapter {

    /** The most digits a number in a request may have before and after the decimal point. */
    public static final int MAX_INTEGER_DIGITS = 18;
    public static final int MAX_FRACTION_DIGITS = 12;

    /** No date the programme records (a unit's founding, a decision, a measurement) lies before this one. */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);

    /** Throws the refusal of the first unstorable value in {@code value}, if there is one. */
    public static void refuse(Object value) {
        RuleViolation violation = unstorable(value, "", 0);
        if (violation != null) {
            throw violation;
        }
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage input, MethodParameter parameter, Type targetType,
                                Class<? extends HttpMessageConverter<?>> converterType) {
        refuse(body);
        return body;
    }

    private static RuleViolation unstorable(Object value, String path, int depth) {
        if (value == null || depth > 32) {
            return null;
        }
        String name = path.isEmpty() ? "body" : path;
        if (value instanceof CharSequence text) {
            if (badCharacter(text)) {
                return RuleViolation.invalid("invalid-character", name, name);
            }
            return invisibleCharacter(text) ? RuleViolation.invalid("invisible-character", name, name) : null;
        }
        if (value instanceof LocalDate date) {
            return date.isBefore(EARLIEST_DATE) ? RuleViolation.invalid("date-out-of-range", name, date, name) : null;
        }
        if (value instanceof Number number) {
            return outOfRange(number) ? RuleViolation.invalid("number-out-of-range", name, name) : null;
        }
        RuleViolation found = null;
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                found = badCharacter(key) ? RuleViolation.invalid("invalid-character", name, name)
                        : unstorable(entry.getValue(), join(path, key), depth + 1);
                if (found != null) {
                    return found;
                }
            }
        } else if (value instanceof Iterable<?> items) {
            int i = 0;
            for (Object item : items) {
                found = unstorable(item, path + "[" + i++ + "]", depth + 1);
                if (found != null) {
                    return found;
                }
            }
        } else if (value.getClass().isRecord()) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                Method accessor = component.getAccessor();
                if (!accessor.trySetAccessible()) {
                    continue;
                }
                try {
                    found = unstorable(accessor.invoke(value), join(path, component.getName()), depth + 1);
                } catch (ReflectiveOperationException e) {
                    continue;
                }
                if (found != null) {
                    return found;
                }
            }
        }
        return found;
    }

    private static boolean outOfRange(Number number) {
        if (number instanceof Double d) {
            return d.isNaN() || d.isInfinite();
        }
        if (number instanceof Float f) {
            return f.isNaN() || f.isInfinite();
        }
        if (number instanceof BigInteger big) {
            return big.abs().toString().length() > MAX_INTEGER_DIGITS;
        }
        if (number instanceof BigDecimal decimal) {
            BigDecimal stripped = decimal.stripTrailingZeros();
            return stripped.scale() > MAX_FRACTION_DIGITS
                    || (long) stripped.precision() - stripped.scale() > MAX_INTEGER_DIGITS;
        }
        return false;
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /**
     * A character that shows as nothing or as an ordinary space but is not one: zero-width spaces and joiners, the
     * byte order mark, soft hyphens, direction marks and overrides (Unicode format characters), no-break and other
     * special spaces. Pasted from a word processor or a web page, they make two names that look the same differ.
     */
    private static boolean invisibleCharacter(CharSequence text) {
        return text.codePoints().anyMatch(c -> Character.getType(c) == Character.FORMAT
                || c != ' ' && (Character.getType(c) == Character.SPACE_SEPARATOR
                || Character.getType(c) == Character.LINE_SEPARATOR
                || Character.getType(c) == Character.PARAGRAPH_SEPARATOR));
    }

    /** A C0 control character other than tab and line breaks, DEL, or half of a surrogate pair. */
    static boolean badCharacter(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f) {
                return true;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
