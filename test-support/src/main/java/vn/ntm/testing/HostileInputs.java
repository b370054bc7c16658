package vn.ntm.testing;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hostile-input corpus (issue 7): every endpoint of a service is described once by a <em>valid</em> request
 * ({@link #get}, {@link #post}, {@link #postRaw}), and the corpus derives the bad variants of it — broken JSON, wrong
 * types, missing and null fields, huge bodies and strings, Unicode edge cases, SQL and script injection, numbers out
 * of range, unknown and malformed ids in the path and the query, missing query parameters, wrong and missing content
 * types, wrong methods, unacceptable {@code Accept} headers.
 *
 * <p>Each variant must be refused with a 4xx RFC 9457 problem detail ({@code application/problem+json}, a {@code type}
 * starting {@code urn:ntm:problem:}, a title and a detail from the bundles) and must record nothing (the row counts
 * the test names are compared before and after). A variant may be accepted only where the endpoint says a string is
 * legitimately free: {@link Endpoint#lenient lenient} fields and filters (free text: a hostile string there is just
 * text, stored verbatim), {@link Endpoint#blankIsAbsent} and optional query parameters (blank means not given), and
 * the gaps listed with {@link Endpoint#knownUnbounded} and {@link Endpoint#unknownIsEmpty}. Even then it must never
 * cause a 5xx. Wrong types, bad numbers and dates, nulls and missing required fields are refused everywhere.
 *
 * <p>Unknown JSON properties are ignored (lenient reader, kept so that older and newer clients interoperate), so the
 * corpus does not send them as a fault. A key given twice is refused, and so is a fraction for a
 * {@link Endpoint#wholeNumbers whole-number} field; text with invisible characters (zero-width, no-break spaces) and
 * dates before 1900 are refused everywhere.
 *
 * <p>To cover a new endpoint, add its valid request to the service's {@code HostileInputIT}.
 */
public final class HostileInputs {

    /** In a valid body or a valid placeholder value: replaced by a fresh random UUID in every request. */
    public static final String FRESH_UUID = "{fresh-uuid}";
    /** In a valid body value: replaced by 8 fresh upper-case hex digits in every request (codes, names). */
    public static final String FRESH = "{fresh}";

    public static final String SQL_INJECTION = "'; drop table unit_directory; --";
    public static final String SCRIPT_INJECTION = "<script>alert(1)</script>";
    /** "Song Vân" with a precomposed â (NFC) and with a plus U+0302 COMBINING CIRCUMFLEX (NFD). */
    public static final String NFC_SONG_VAN = "Song V\u00e2n";
    public static final String NFD_SONG_VAN = "Song Va\u0302n";
    /** A body just under Tomcat's 2 MiB swallow limit, so the refusal reaches the client intact. */
    public static final int HUGE_BODY_BYTES = 2_000_000;
    public static final int HUGE_STRING_CHARS = 100_000;
    private static final int LONG_PATH_SEGMENT_CHARS = 2_000;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String MARK = "@@hostile@@";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)(\\??)}");
    /** A step into a list in a body path: {@code items[0]}. */
    private static final Pattern INDEXED = Pattern.compile("(.+)\\[(\\d+)]");

    /** A string no id, code, enum, date or number accepts; free text may accept some of them, harmlessly. */
    private record Hostile(String name, byte[] json, String url) {
        Hostile(String name, String value) {
            this(name, JSON.writeValueAsString(value).getBytes(StandardCharsets.UTF_8), encode(value));
        }
    }

    private static final List<Hostile> HOSTILE_STRINGS = List.of(
            new Hostile("sql-injection", SQL_INJECTION),
            new Hostile("script-injection", SCRIPT_INJECTION),
            new Hostile("nfd-vietnamese", NFD_SONG_VAN),
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
    private static final Map<String, String> BAD_NUMBER_TEXT = ordered(
            "negative", "-1",
            "long-max-plus-one", "9223372036854775808",
            "nan", "NaN",
            "1e400", "1e400");

    /** Values no number field accepts (as raw JSON). */
    private static final Map<String, String> BAD_NUMBERS = ordered(
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
    private static final Map<String, String> BAD_DATES = ordered(
            "february-30", "\"2024-02-30\"",
            "month-13", "\"2024-13-01\"",
            "two-digit-year", "\"24-03-05\"",
            "year-0001", "\"0001-01-01\"",
            "epoch-number", "1709596800000");

    /** A date no past-or-present field accepts. */
    private static final Map<String, String> FUTURE_DATES = ordered(
            "local-date-max", "\"+999999999-12-31\"");

    private static final Map<String, String> BROKEN_JSON = ordered(
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
    private static final byte[] INVALID_UTF8_BODY = {(byte) 0xFF, (byte) 0xFE, '{', '"', (byte) 0xC3, '"', '}'};

    private static final Map<String, String> BROKEN_YAML = ordered(
            "empty-body", "",
            "unclosed-flow", "code: [unclosed",
            "tab-indentation", "code: X\n\tversion: 1\n",
            "scalar-document", "just a string",
            "sequence-document", "- a\n- b\n",
            "java-type-tag", "!!java.lang.ProcessBuilder [\"touch\", \"/tmp/pwned\"]\n",
            "unknown-tag", "code: !custom X\n",
            "billion-laughs", billionLaughs(),
            "binary-garbage", "\u0000\u0001\u00ff\u00fe");

    private static final List<String> WRONG_CONTENT_TYPES = List.of("text/plain", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "not a media type",
            "application/json; charset=no-such-charset");

    private HostileInputs() {
    }

    // ---------------------------------------------------------------------------------------------- endpoints

    /** A GET endpoint; {@code {name}} placeholders in the path and query are filled by {@link Endpoint#with}. */
    public static Endpoint get(String template) {
        return new Endpoint("GET", template, null, null, null);
    }

    /** A POST endpoint taking no body. */
    public static Endpoint post(String template) {
        return new Endpoint("POST", template, null, null, null);
    }

    /** A POST endpoint taking JSON; {@code validBody} is a request it accepts (maps, lists, strings, numbers). */
    public static Endpoint post(String template, Map<String, Object> validBody) {
        return new Endpoint("POST", template, "application/json", validBody, null);
    }

    /** A POST endpoint taking another format, e.g. YAML; only broken documents and wrong types are derived. */
    public static Endpoint postRaw(String template, String contentType, String validBody) {
        return new Endpoint("POST", template, contentType, null, validBody);
    }

    /** One endpoint and the valid request the corpus is derived from. */
    public static final class Endpoint {

        private final String method;
        private final String template;
        private final String contentType;
        private final Map<String, Object> body;
        private final String rawBody;
        private final Map<String, String> values = new LinkedHashMap<>();
        private final Set<String> required = new HashSet<>();
        private final Set<String> lenient = new HashSet<>();
        private final Set<String> dates = new HashSet<>();
        private final Set<String> pastDates = new HashSet<>();
        private final Set<String> unbounded = new HashSet<>();
        private final Set<String> unknownIsEmpty = new HashSet<>();
        private final Set<String> wholeNumbers = new HashSet<>();
        private final Set<String> references = new HashSet<>();
        private final Set<String> blankIsAbsent = new HashSet<>();
        private final Set<String> itemLists = new HashSet<>();
        private final Map<String, String> extraBodies = new LinkedHashMap<>();
        private String label = "";
        private boolean validRequestWorks = true;

        private Endpoint(String method, String template, String contentType, Map<String, Object> body,
                         String rawBody) {
            this.method = method;
            this.template = template;
            this.contentType = contentType;
            this.body = body;
            this.rawBody = rawBody;
            Matcher m = PLACEHOLDER.matcher(template);
            while (m.find()) {
                values.put(m.group(1), null);
            }
        }

        /** The valid value of a path or query placeholder. */
        public Endpoint with(String placeholder, String validValue) {
            if (!values.containsKey(placeholder)) {
                throw new IllegalArgumentException(placeholder + " is not in " + template);
            }
            values.put(placeholder, validValue);
            return this;
        }

        /** Body fields (dotted paths, e.g. {@code evidence.note}) whose absence or null is a fault. */
        public Endpoint required(String... fields) {
            required.addAll(List.of(fields));
            return this;
        }

        /**
         * Free-text body fields and filter placeholders: any string is a legitimate value, so a hostile one may be
         * accepted (never with a 5xx). Wrong types and huge strings are still refused.
         */
        public Endpoint lenient(String... fieldsOrPlaceholders) {
            lenient.addAll(List.of(fieldsOrPlaceholders));
            return this;
        }

        /** Fields and placeholders holding a date (ISO yyyy-MM-dd): they also get impossible and extreme dates. */
        public Endpoint dates(String... fieldsOrPlaceholders) {
            dates.addAll(List.of(fieldsOrPlaceholders));
            return this;
        }

        /** Date fields and placeholders that must not be in the future: they also get LocalDate.MAX. */
        public Endpoint pastDates(String... fieldsOrPlaceholders) {
            dates(fieldsOrPlaceholders);
            pastDates.addAll(List.of(fieldsOrPlaceholders));
            return this;
        }

        /**
         * Lenient text fields known to have no length limit yet (a gap to close, listed so that it stays visible): a
         * 100 000-character string may be accepted there. Bodies over the service's limit are refused regardless.
         */
        public Endpoint knownUnbounded(String... fields) {
            unbounded.addAll(List.of(fields));
            return this;
        }

        /**
         * Placeholders where an unknown (well-formed) id is answered with an empty result rather than a 404 (a gap to
         * close, listed so that it stays visible): only the random-UUID case may be accepted there.
         */
        public Endpoint unknownIsEmpty(String... placeholders) {
            unknownIsEmpty.addAll(List.of(placeholders));
            return this;
        }

        /** Number fields that take whole numbers only (counts): a fraction there is refused, never truncated. */
        public Endpoint wholeNumbers(String... fields) {
            wholeNumbers.addAll(List.of(fields));
            return this;
        }

        /** Body fields naming something that must exist (a parent, a set, an indicator): unknown ones are refused. */
        public Endpoint references(String... fields) {
            references.addAll(List.of(fields));
            return this;
        }

        /** Optional body fields where a blank string is documented to mean "not given" (so it may be accepted). */
        public Endpoint blankIsAbsent(String... fields) {
            blankIsAbsent.addAll(List.of(fields));
            return this;
        }

        /**
         * Body fields holding a list of objects (the items of a form) whose items get the corpus field by field too,
         * named {@code items[0].indicatorCode}; other lists are mutated only as a whole.
         */
        public Endpoint eachItemOf(String... listFields) {
            itemLists.addAll(List.of(listFields));
            return this;
        }

        /** One more bad body of this endpoint's format, e.g. a YAML document with a bad value in a known field. */
        public Endpoint badBody(String variant, String body) {
            extraBodies.put(variant, body);
            return this;
        }

        /** Distinguishes two valid requests to the same endpoint in test names. */
        public Endpoint label(String text) {
            label = " [" + text + "]";
            return this;
        }

        /**
         * The "valid" request itself is answered with a 4xx (an unknown path, nothing to find yet, already done): it
         * is sent as a case of its own, and not again with a wrong {@code Accept}.
         */
        public Endpoint validRequestIsRefused() {
            validRequestWorks = false;
            return this;
        }

        public String name() {
            return method + " " + template + label;
        }

        /** Every hostile variant of the valid request. */
        public List<Case> cases() {
            values.forEach((k, v) -> {
                if (v == null) {
                    throw new IllegalStateException("no valid value for {" + k + "} in " + template);
                }
            });
            List<Case> cases = new ArrayList<>();
            if (!validRequestWorks) {
                cases.add(request("as given", validPath(), contentType, validBytes(), false));
            }
            placeholderCases(cases);
            extraBodies.forEach((variant, text) -> cases.add(request("body " + variant, validPath(), contentType,
                    fresh(text).getBytes(StandardCharsets.UTF_8), false)));
            if (body != null) {
                jsonBodyCases(cases);
            } else if (rawBody != null) {
                rawBodyCases(cases);
            }
            protocolCases(cases);
            return cases;
        }

        private void placeholderCases(List<Case> cases) {
            for (String p : values.keySet()) {
                boolean free = lenient.contains(p);
                Map<String, String> raw = new LinkedHashMap<>();
                raw.put("unknown-uuid", UUID.randomUUID().toString());
                for (Hostile h : HOSTILE_STRINGS) {
                    raw.put(h.name(), h.url());
                }
                raw.put("long-" + LONG_PATH_SEGMENT_CHARS, "x".repeat(LONG_PATH_SEGMENT_CHARS));
                BAD_NUMBER_TEXT.forEach((name, text) -> raw.put(name, encode(text)));
                if (dates.contains(p)) {
                    BAD_DATES.forEach((name, json) -> raw.put(name, encode(json.replace("\"", ""))));
                }
                if (pastDates.contains(p)) {
                    FUTURE_DATES.forEach((name, json) -> raw.put(name, encode(json.replace("\"", ""))));
                }
                // an optional query parameter given empty is not given at all
                Set<String> accepted = new HashSet<>();
                if (isQuery(p) && isOptional(p)) {
                    accepted.addAll(List.of("empty", "whitespace-only"));
                }
                if (unknownIsEmpty.contains(p)) {
                    accepted.add("unknown-uuid");
                }
                raw.forEach((name, encoded) -> cases.add(request("{" + p + "} = " + name, path(p, encoded),
                        contentType, validBytes(), free || accepted.contains(name))));
                if (isQuery(p) && !isOptional(p)) {
                    cases.add(request("{" + p + "} missing", path(p, null), contentType, validBytes(), false));
                }
            }
        }

        private void jsonBodyCases(List<Case> cases) {
            BROKEN_JSON.forEach((name, text) -> cases.add(request("body " + name, validPath(), contentType,
                    text.getBytes(StandardCharsets.UTF_8), false)));
            cases.add(request("body invalid-utf8", validPath(), contentType, INVALID_UTF8_BODY, false));
            String valid = json(body);
            cases.add(request("body truncated", validPath(), contentType,
                    valid.substring(0, valid.length() / 2).getBytes(StandardCharsets.UTF_8), false));
            cases.add(request("body followed by garbage", validPath(), contentType,
                    (valid + "}}{\"x\":").getBytes(StandardCharsets.UTF_8), false));
            cases.add(request("body padded to 2 MB", validPath(), contentType, padded(valid), false));
            body.keySet().stream().findFirst().ifPresent(first -> cases.add(request("body duplicate-key " + first,
                    validPath(), contentType, ("{" + json(first) + ":" + json(body.get(first)) + ","
                            + valid.substring(1)).getBytes(StandardCharsets.UTF_8), false)));
            leaves(body, "", itemLists).stream().filter(field -> get(body, field) instanceof String).findFirst()
                    .ifPresent(field -> cases.add(request(field + " = huge-string-2MB", validPath(), contentType,
                            withField(field, json("x".repeat(HUGE_BODY_BYTES))), false)));
            for (String field : leaves(body, "", itemLists)) {
                Object value = get(body, field);
                boolean free = lenient.contains(field);
                Map<String, String> variants = new LinkedHashMap<>();
                if (required.contains(field)) {
                    variants.put("null", "null");
                }
                if (value instanceof String) {
                    if (references.contains(field)) {
                        variants.put("unknown-uuid", json(FRESH_UUID));
                        variants.put("unknown-code", json("ZZ-" + FRESH));
                    }
                    variants.put("object", "{}");
                    variants.put("array", "[\"x\"]");
                    if (!unbounded.contains(field)) {
                        variants.put("huge-string-" + HUGE_STRING_CHARS, json("x".repeat(HUGE_STRING_CHARS)));
                    }
                    if (dates.contains(field)) {
                        variants.putAll(BAD_DATES);
                    }
                    if (pastDates.contains(field)) {
                        variants.putAll(FUTURE_DATES);
                    }
                } else if (value instanceof Number) {
                    variants.putAll(BAD_NUMBERS);
                    if (wholeNumbers.contains(field)) {
                        variants.put("fraction", "1.5");
                    } else if (value instanceof Integer || value instanceof Long) {
                        // a decimal field given a whole number in the valid request: a tiny fraction is a fair value
                        variants.remove("exponent-minus-999999999");
                    }
                } else if (value instanceof Boolean) {
                    variants.put("not-a-boolean", "\"maybe\"");
                    variants.put("object", "{}");
                    variants.put("array", "[true]");
                } else if (value instanceof Map) {
                    variants.put("string", "\"text\"");
                    variants.put("array", "[]");
                    variants.put("number", "42");
                } else if (value instanceof List) {
                    variants.put("string", "\"text\"");
                    variants.put("object", "{}");
                    variants.put("number", "42");
                }
                variants.forEach((name, json) -> cases.add(request(field + " = " + name, validPath(), contentType,
                        withField(field, json), false)));
                if (value instanceof String && unbounded.contains(field)) {
                    cases.add(request(field + " = huge-string-" + HUGE_STRING_CHARS + " (known unbounded)",
                            validPath(), contentType, withField(field, json("x".repeat(HUGE_STRING_CHARS))), true));
                }
                if (value instanceof String) {
                    for (Hostile h : HOSTILE_STRINGS) {
                        boolean blank = h.name().equals("empty") || h.name().equals("whitespace-only");
                        cases.add(request(field + " = " + h.name(), validPath(), contentType,
                                withField(field, h.json()), free || blank && blankIsAbsent.contains(field)));
                    }
                }
                if (required.contains(field)) {
                    cases.add(request(field + " missing", validPath(), contentType, without(field), false));
                }
            }
        }

        private void rawBodyCases(List<Case> cases) {
            Map<String, String> broken = contentType.contains("yaml") ? BROKEN_YAML : BROKEN_JSON;
            broken.forEach((name, text) -> cases.add(request("body " + name, validPath(), contentType,
                    text.getBytes(StandardCharsets.UTF_8), false)));
            cases.add(request("body invalid-utf8", validPath(), contentType, INVALID_UTF8_BODY, false));
            String valid = fresh(rawBody);
            cases.add(request("body truncated", validPath(), contentType,
                    valid.substring(0, valid.length() / 2).getBytes(StandardCharsets.UTF_8), false));
            String comment = contentType.contains("yaml") ? "# " : "";
            cases.add(request("body padded to 2 MB", validPath(), contentType,
                    (valid + "\n" + comment + "x".repeat(HUGE_BODY_BYTES)).getBytes(StandardCharsets.UTF_8),
                    false));
        }

        private void protocolCases(List<Case> cases) {
            if (contentType != null) {
                for (String type : WRONG_CONTENT_TYPES) {
                    cases.add(request("content-type " + type, validPath(), type, validBytes(), false));
                }
                cases.add(request("no content-type", validPath(), null, validBytes(), false));
            }
            cases.add(new Case(name(), "wrong method " + ("GET".equals(method) ? "DELETE" : "PUT"),
                    "GET".equals(method) ? "DELETE" : "PUT", validPath(), contentType, validBytes(), Map.of(), false));
            if (validRequestWorks) {
                cases.add(new Case(name(), "accept application/xml", method, validPath(), contentType, validBytes(),
                        Map.of("Accept", "application/xml"), false));
                cases.add(new Case(name(), "accept malformed", method, validPath(), contentType, validBytes(),
                        Map.of("Accept", ";;;/"), false));
            }
        }

        private Case request(String variant, String path, String type, byte[] bytes, boolean mayBeAccepted) {
            return new Case(name(), variant, method, path, type, bytes, Map.of(), mayBeAccepted);
        }

        private boolean isQuery(String placeholder) {
            int query = template.indexOf('?');
            return query >= 0 && template.indexOf("{" + placeholder, query) > 0;
        }

        private boolean isOptional(String placeholder) {
            return template.contains("{" + placeholder + "?}");
        }

        private String validPath() {
            return path(null, null);
        }

        /** The path with every placeholder at its valid value except {@code hostile} (encoded; null: left out). */
        private String path(String hostile, String encoded) {
            String[] parts = template.split("\\?", 2);
            StringBuilder out = new StringBuilder(fill(parts[0], hostile, encoded));
            if (parts.length > 1) {
                List<String> pairs = new ArrayList<>();
                for (String pair : parts[1].split("&")) {
                    Matcher m = PLACEHOLDER.matcher(pair);
                    if (m.find() && m.group(1).equals(hostile) && encoded == null) {
                        continue;
                    }
                    pairs.add(fill(pair, hostile, encoded));
                }
                if (!pairs.isEmpty()) {
                    out.append('?').append(String.join("&", pairs));
                }
            }
            return out.toString();
        }

        private String fill(String text, String hostile, String encoded) {
            Matcher m = PLACEHOLDER.matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String name = m.group(1);
                String value = name.equals(hostile) ? encoded : encode(fresh(values.get(name)));
                m.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            m.appendTail(out);
            return out.toString();
        }

        private byte[] validBytes() {
            if (body != null) {
                return json(body).getBytes(StandardCharsets.UTF_8);
            }
            return rawBody == null ? null : fresh(rawBody).getBytes(StandardCharsets.UTF_8);
        }

        private byte[] withField(String field, String rawJson) {
            return withField(field, rawJson.getBytes(StandardCharsets.UTF_8));
        }

        /** The valid body with one field's value replaced by raw JSON bytes (which may be invalid UTF-8). */
        private byte[] withField(String field, byte[] rawJson) {
            Map<String, Object> copy = deepCopy(body);
            set(copy, field, MARK);
            String[] around = json(copy).split(Pattern.quote(JSON.writeValueAsString(MARK)), 2);
            byte[] before = around[0].getBytes(StandardCharsets.UTF_8);
            byte[] after = around[1].getBytes(StandardCharsets.UTF_8);
            byte[] out = new byte[before.length + rawJson.length + after.length];
            System.arraycopy(before, 0, out, 0, before.length);
            System.arraycopy(rawJson, 0, out, before.length, rawJson.length);
            System.arraycopy(after, 0, out, before.length + rawJson.length, after.length);
            return out;
        }

        private byte[] without(String field) {
            Map<String, Object> copy = deepCopy(body);
            List<Object> steps = steps(field);
            if (parent(copy, steps) instanceof Map<?, ?> map) {
                map.remove(steps.get(steps.size() - 1));
            }
            return json(copy).getBytes(StandardCharsets.UTF_8);
        }

        private String json(Object value) {
            return fresh(JSON.writeValueAsString(value));
        }
    }

    /** A valid body, its fields in the order given: {@code body("level", "PROVINCE", "name", "Bắc Giang")}. */
    public static Map<String, Object> body(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** One hostile request, named after its endpoint and the variant. */
    public record Case(String endpoint, String variant, String method, String path, String contentType, byte[] body,
                       Map<String, String> headers, boolean mayBeAccepted) {

        public String name() {
            return endpoint + " · " + variant;
        }

        public JsonHttp.Response send(JsonHttp http) {
            JsonHttp client = http;
            for (Map.Entry<String, String> header : headers.entrySet()) {
                client = client.with(header.getKey(), header.getValue());
            }
            return client.send(method, path, contentType, body);
        }

        @Override
        public String toString() {
            return name() + " (" + method + " " + abbreviate(path, 120) + ")";
        }
    }

    // ---------------------------------------------------------------------------------------------- running

    /**
     * The corpus of the given endpoints as JUnit dynamic tests, one container per endpoint: each case is sent, its
     * answer checked ({@link #fault}) and the counts of rows in the service's tables compared before and after.
     *
     * @param rowCounts the service's tables and how many rows each has now (nothing may change on a refusal)
     */
    public static Stream<DynamicNode> tests(JsonHttp http, Collection<Endpoint> endpoints,
                                            Supplier<Map<String, Long>> rowCounts) {
        return endpoints.stream().map(endpoint -> dynamicContainer(endpoint.name(),
                endpoint.cases().stream().map(c -> dynamicTest(c.variant(), () -> check(http, c, rowCounts)))));
    }

    /** Sends one case and fails with its name, the answer and the rule broken. */
    public static void check(JsonHttp http, Case c, Supplier<Map<String, Long>> rowCounts) {
        Map<String, Long> before = rowCounts.get();
        JsonHttp.Response response = c.send(http);
        Map<String, Long> after = rowCounts.get();
        Optional<String> fault = fault(c, response);
        if (fault.isEmpty() && response.status() >= 400 && !before.equals(after)) {
            fault = Optional.of("refused but recorded: rows " + before + " -> " + after);
        }
        if (fault.isPresent()) {
            throw new AssertionError(c + " -> " + response.status() + " " + abbreviate(response.body(), 600)
                    + "\n  " + fault.get());
        }
    }

    /** Why an answer to a hostile case is wrong, or empty when it is a proper refusal (or a harmless acceptance). */
    public static Optional<String> fault(Case c, JsonHttp.Response response) {
        int status = response.status();
        if (status >= 500) {
            return Optional.of("a server error: hostile input must be refused with a 4xx");
        }
        if (status < 400) {
            return c.mayBeAccepted() && status < 300 ? Optional.empty()
                    : Optional.of("accepted: expected a 4xx refusal");
        }
        return problemFault(response);
    }

    /** Why a refusal is not a proper problem detail, or empty. */
    public static Optional<String> problemFault(JsonHttp.Response response) {
        String contentType = response.headers().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("content-type")).flatMap(e -> e.getValue().stream())
                .findFirst().orElse("");
        if (!contentType.startsWith("application/problem+json")) {
            return Optional.of("not a problem detail: Content-Type " + contentType);
        }
        JsonNode body;
        try {
            body = response.json();
        } catch (RuntimeException e) {
            return Optional.of("problem body is not JSON");
        }
        String type = body.path("type").asString("");
        if (!type.startsWith("urn:ntm:problem:")) {
            return Optional.of("problem type " + type + " is not urn:ntm:problem:*");
        }
        if (body.path("status").asInt() != response.status()) {
            return Optional.of("problem status " + body.path("status") + " differs from HTTP " + response.status());
        }
        String title = body.path("title").asString("");
        String detail = body.path("detail").asString("");
        if (title.isBlank() || title.startsWith("title.") || detail.isBlank() || detail.startsWith("problem.")) {
            return Optional.of("problem without a translated title and detail");
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String fresh(String text) {
        if (text == null) {
            return null;
        }
        while (text.contains(FRESH_UUID)) {
            text = text.replaceFirst(Pattern.quote(FRESH_UUID), UUID.randomUUID().toString());
        }
        while (text.contains(FRESH)) {
            text = text.replaceFirst(Pattern.quote(FRESH),
                    HexFormat.of().formatHex(randomBytes(4)).toUpperCase(Locale.ROOT));
        }
        return text;
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    private static byte[] padded(String validJson) {
        String padding = ",\"padding\":\"" + "x".repeat(HUGE_BODY_BYTES) + "\"}";
        return (validJson.substring(0, validJson.lastIndexOf('}')) + padding).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Dotted paths of every value in nested maps; the items of the lists named in {@code itemLists} are descended into
     * ({@code items[0].value}), other lists are values.
     */
    private static List<String> leaves(Map<String, Object> map, String prefix, Set<String> itemLists) {
        List<String> paths = new ArrayList<>();
        map.forEach((key, value) -> {
            paths.add(prefix + key);
            if (value instanceof Map<?, ?> nested) {
                @SuppressWarnings("unchecked")
                Map<String, Object> typed = (Map<String, Object>) nested;
                paths.addAll(leaves(typed, prefix + key + ".", itemLists));
            } else if (value instanceof List<?> items && itemLists.contains(prefix + key)) {
                for (int i = 0; i < items.size(); i++) {
                    if (items.get(i) instanceof Map<?, ?> item) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> typed = (Map<String, Object>) item;
                        paths.addAll(leaves(typed, prefix + key + "[" + i + "].", itemLists));
                    }
                }
            }
        });
        return paths;
    }

    /** A path's steps: keys of maps, and indexes of lists ({@code items[1].value} is items, 1, value). */
    private static List<Object> steps(String path) {
        List<Object> steps = new ArrayList<>();
        for (String part : path.split("\\.")) {
            Matcher indexed = INDEXED.matcher(part);
            if (indexed.matches()) {
                steps.add(indexed.group(1));
                steps.add(Integer.parseInt(indexed.group(2)));
            } else {
                steps.add(part);
            }
        }
        return steps;
    }

    private static Object step(Object current, Object step) {
        return step instanceof Integer index ? ((List<?>) current).get(index) : ((Map<?, ?>) current).get(step);
    }

    private static Object get(Map<String, Object> map, String path) {
        List<Object> steps = steps(path);
        return step(parent(map, steps), steps.get(steps.size() - 1));
    }

    /** The map or list holding the last step. */
    private static Object parent(Map<String, Object> map, List<Object> steps) {
        Object current = map;
        for (Object step : steps.subList(0, steps.size() - 1)) {
            current = step(current, step);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static void set(Map<String, Object> map, String path, Object value) {
        List<Object> steps = steps(path);
        Object parent = parent(map, steps);
        Object last = steps.get(steps.size() - 1);
        if (last instanceof Integer index) {
            ((List<Object>) parent).set(index, value);
        } else {
            ((Map<String, Object>) parent).put((String) last, value);
        }
    }

    /** A copy whose maps and lists can be changed without changing the valid body. */
    private static Map<String, Object> deepCopy(Map<String, Object> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(key, deepCopyValue(value)));
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Object deepCopyValue(Object value) {
        if (value instanceof Map<?, ?> nested) {
            return deepCopy((Map<String, Object>) nested);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(item -> copy.add(deepCopyValue(item)));
            return copy;
        }
        return value;
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

    private static String abbreviate(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, max) + "…(" + text.length() + " chars)";
    }
}
