package vn.ntm.testing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * The data of the hostile-input corpus: strings no id, code or number accepts, numbers and dates out of range,
 * broken JSON and YAML documents, wrong content types — and how a value is put into a URL or made fresh for each
 * request ({@link HostileInputs#FRESH}, {@link HostileInputs#FRESH_UUID}).
 */
final class HostileValues {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A body just under Tomcat's 2 MiB swallow limit, so the refusal reaches the client intact. */
    static final int HUGE_BODY_BYTES = 2_000_000;
    static final int HUGE_STRING_CHARS = 100_000;
    static final int LONG_PATH_SEGMENT_CHARS = 2_000;

    /** A string no id, code, enum, date or number accepts; free text may accept some of them, harmlessly. */
    record Hostile(String name, byte[] json, String url) {
        Hostile(String name, String value) {
            this(name, JSON.writeValueAsString(value).getBytes(StandardCharsets.UTF_8), encode(value));
        }
    }

    static final List<Hostile> HOSTILE_STRINGS = List.of(
            new Hostile("sql-injection", HostileInputs.SQL_INJECTION),
            new Hostile("script-injection", HostileInputs.SCRIPT_INJECTION),
            new Hostile("nfd-vietnamese", HostileInputs.NFD_SONG_VAN),
            new Hostile("nul-character", "Song\u0000V\u00e2n"),
            new Hostile("control-characters", "\u0007\u001b[31m\u0008"),
            new Hostile("rtl-override", "\u202eg\u006eaiG c\u1eafB"),
            new Hostile("zero-width-only", "\u200b\u200d\ufeff"),
            new Hostile("nbsp-only", "\u00a0\u2003"),
            new Hostile("zero-width-inside", "Song\u200bV\u00e2n"),
            new Hostile("nbsp-inside", "Song\u00a0V\u00e2n"),
            new Hostile("whitespace-only", " \t\n "),
            new Hostile("empty", ""),
            new Hostile("emoji", "\uD83C\uDF3E\uD83C\uDFE0"),
            new Hostile("lone-surrogate", "\"\\ud800x\"".getBytes(StandardCharsets.US_ASCII), "%ED%A0%80x"),
            new Hostile("invalid-utf8", new byte[] {'"', (byte) 0xC3, '(', '"'}, "%C3%28"),
            new Hostile("path-traversal", "../../etc/passwd"),
            new Hostile("not-a-uuid", "not-a-uuid"));

    /** Numbers out of range, as path or query text (in a body they are sent as numbers, see BAD_NUMBERS). */
    static final Map<String, String> BAD_NUMBER_TEXT = ordered(
            "negative", "-1",
            "long-max-plus-one", "9223372036854775808",
            "nan", "NaN",
            "1e400", "1e400");

    /** Values no number field accepts (as raw JSON). */
    static final Map<String, String> BAD_NUMBERS = ordered(
            "negative", "-1",
            "1e400", "1e400",
            "minus-1e400", "-1e400",
            "exponent-999999999", "1e999999999",
            "exponent-minus-999999999", "1e-999999999",
            "long-max-plus-one", "9223372036854775808",
            "long-max-plus-one-as-text", "\"9223372036854775808\"",
            "nan-literal", "NaN",
            "nan-as-text", "\"NaN\"",
            "infinity-literal", "Infinity",
            "not-a-number", "\"abc\"",
            "object", "{}",
            "array", "[1]",
            "boolean", "true");

    /** Values no date field accepts (as raw JSON). */
    static final Map<String, String> BAD_DATES = ordered(
            "february-30", "\"2024-02-30\"",
            "month-13", "\"2024-13-01\"",
            "two-digit-year", "\"24-03-05\"",
            "year-0001", "\"0001-01-01\"",
            "epoch-number", "1709596800000");

    /** A date no past-or-present field accepts. */
    static final Map<String, String> FUTURE_DATES = ordered(
            "local-date-max", "\"+999999999-12-31\"");

    static final Map<String, String> BROKEN_JSON = ordered(
            "empty-body", "",
            "whitespace-body", "   ",
            "unclosed-object", "{",
            "unquoted-key", "{level: 1}",
            "single-quotes", "{'name': 'x'}",
            "missing-value", "{\"name\":}",
            "trailing-comma", "{\"name\": \"x\",}",
            "comment", "/* hi */ {}",
            "json-null", "null",
            "json-array", "[]",
            "json-string", "\"text\"",
            "json-number", "42",
            "nested-100000-deep", "[".repeat(100_000) + "]".repeat(100_000),
            "binary-garbage", "\u0000\u0001\u00ff\u00fe");

    /** Bytes that are not UTF-8 at all. */
    static final byte[] INVALID_UTF8_BODY = {(byte) 0xFF, (byte) 0xFE, '{', '"', (byte) 0xC3, '"', '}'};

    static final Map<String, String> BROKEN_YAML = ordered(
            "empty-body", "",
            "unclosed-flow", "code: [unclosed",
            "tab-indentation", "code: X\n\tversion: 1\n",
            "scalar-document", "just a string",
            "sequence-document", "- a\n- b\n",
            "java-type-tag", "!!java.lang.ProcessBuilder [\"touch\", \"/tmp/pwned\"]\n",
            "unknown-tag", "code: !custom X\n",
            "billion-laughs", billionLaughs(),
            "binary-garbage", "\u0000\u0001\u00ff\u00fe");

    static final List<String> WRONG_CONTENT_TYPES = List.of("text/plain", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "not a media type",
            "application/json; charset=no-such-charset");

    private HostileValues() {
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String fresh(String text) {
        if (text == null) {
            return null;
        }
        while (text.contains(HostileInputs.FRESH_UUID)) {
            text = text.replaceFirst(Pattern.quote(HostileInputs.FRESH_UUID), UUID.randomUUID().toString());
        }
        while (text.contains(HostileInputs.FRESH)) {
            text = text.replaceFirst(Pattern.quote(HostileInputs.FRESH),
                    HexFormat.of().formatHex(randomBytes(4)).toUpperCase(Locale.ROOT));
        }
        return text;
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static String billionLaughs() {
        StringBuilder yaml = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'i'; c++) {
            char prev = (char) (c - 1);
            yaml.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                yaml.append(i == 0 ? "" : ",").append('*').append(prev);
            }
            yaml.append("]\n");
        }
        return yaml.append("code: *i\n").toString();
    }
}
