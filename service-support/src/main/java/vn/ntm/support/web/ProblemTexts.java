package vn.ntm.support.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.FieldError;

/**
 * What a refusal says, in the request's language, from the {@code problems} bundles: the problem detail with its
 * {@code type} and title, and the sentences that name a constraint's limits or the form a parameter takes.
 * {@link ProblemHandler} decides which refusal an exception is; this class words it.
 */
final class ProblemTexts {

    static final Set<Class<?>> WHOLE_NUMBER_TYPES = Set.of(int.class, Integer.class, long.class, Long.class,
            short.class, Short.class, byte.class, Byte.class, BigInteger.class);

    private final MessageSource problems;

    ProblemTexts(MessageSource problems) {
        this.problems = problems;
    }

    String text(String key, Object... args) {
        return problems.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    ProblemDetail detail(HttpStatus status, String type, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create(ProblemHandler.TYPE_PREFIX + type));
        body.setTitle(text("title." + type));
        return body;
    }

    /** What is wrong with one field of a request body: the form it takes, or the constraint it breaks. */
    String fieldMessage(FieldError error) {
        if (error.isBindingFailure()) {
            String expected = expected(boundType(error));
            String given = text("validation.typeMismatch", shortened(error.getRejectedValue()));
            return expected == null ? given : given + " " + expected;
        }
        return constraintMessage(error, error.getRejectedValue());
    }

    /**
     * What a constraint asks, with its limits: {@code @Size} says how many characters (or items, for a list) are
     * allowed and how many were given, {@code @Min}/{@code @Max} and their decimal forms the bound. Spring passes a
     * constraint's attributes as arguments after the field, in alphabetical order ({@code max, min};
     * {@code inclusive, value}).
     */
    String constraintMessage(MessageSourceResolvable error, Object rejected) {
        Locale locale = LocaleContextHolder.getLocale();
        String[] codes = error.getCodes();
        String code = codes == null || codes.length == 0 ? "default" : codes[codes.length - 1];
        Object[] args = error.getArguments() == null ? new Object[0] : error.getArguments();
        String key = "validation." + code;
        Object[] shown = args;
        if ("Size".equals(code) && args.length >= 3) {
            int max = ((Number) args[1]).intValue();
            int min = ((Number) args[2]).intValue();
            key += (min == 0 ? ".max" : max == Integer.MAX_VALUE ? ".min" : ".range") + (isList(rejected) ? ".items" : "");
            shown = new Object[] {args[0], max, min, size(rejected)};
        } else if (("DecimalMin".equals(code) || "DecimalMax".equals(code)) && args.length >= 3) {
            key += Boolean.TRUE.equals(args[1]) ? "" : ".exclusive";
            shown = new Object[] {args[0], args[2]};
        }
        return problems.getMessage(key, shown, problems.getMessage("validation.default", null, locale), locale);
    }

    /** "The value X of parameter P is not valid", then what is expected for its type when that can be said. */
    String invalidParameter(String name, Object value, Class<?> type) {
        String sentence = text("problem.invalid-parameter", name, shortened(value));
        String expected = expected(type);
        return expected == null ? sentence : sentence + " " + expected;
    }

    /** The form a value of {@code type} must have, as a sentence; null when there is nothing useful to say. */
    private String expected(Class<?> type) {
        if (type == null) {
            return null;
        }
        if (type == Instant.class) {
            return text("expected.instant");
        }
        if (type == LocalDate.class) {
            return text("expected.date");
        }
        if (type == UUID.class) {
            return text("expected.uuid");
        }
        if (type == Boolean.class || type == boolean.class) {
            return text("expected.boolean");
        }
        if (WHOLE_NUMBER_TYPES.contains(type)) {
            return text("expected.whole-number");
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return text("expected.number");
        }
        if (type.isEnum()) {
            return text("expected.one-of", Arrays.stream(type.getEnumConstants())
                    .map(Object::toString).collect(Collectors.joining(", ")));
        }
        return null;
    }

    /** The type a binding failure could not convert to, from its codes ({@code typeMismatch.java.time.Instant}). */
    private static Class<?> boundType(FieldError error) {
        for (String code : error.getCodes() == null ? new String[0] : error.getCodes()) {
            for (Class<?> type : List.<Class<?>>of(Instant.class, LocalDate.class, UUID.class, Boolean.class,
                    Integer.class, Long.class, BigDecimal.class)) {
                if (code.equals("typeMismatch." + type.getName())) {
                    return type;
                }
            }
        }
        return null;
    }

    private static boolean isList(Object value) {
        return value instanceof Collection<?> || value instanceof Map<?, ?>
                || value != null && value.getClass().isArray();
    }

    /** How long a rejected text is (in characters as a person counts them), or how many items a list has. */
    private static int size(Object value) {
        if (value instanceof CharSequence text) {
            return (int) text.codePoints().count();
        }
        if (value instanceof Collection<?> items) {
            return items.size();
        }
        if (value instanceof Map<?, ?> map) {
            return map.size();
        }
        return value != null && value.getClass().isArray() ? java.lang.reflect.Array.getLength(value) : 0;
    }

    /** A rejected value as the detail quotes it: at most 40 characters. */
    private static String shortened(Object value) {
        String text = value == null ? "" : value instanceof Object[] array ? String.join(",",
                Arrays.stream(array).map(String::valueOf).toList()) : String.valueOf(value);
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
