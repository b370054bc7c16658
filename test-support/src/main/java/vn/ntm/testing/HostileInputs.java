package vn.ntm.testing;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;

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
 * <p>To cover a new endpoint, add its valid request to the service's {@code HostileInputIT}. The corpus by role: this
 * class describes endpoints and runs the cases; {@link HostileValues} holds the data, {@link HostileVariants} derives
 * the {@link HostileCase}s, {@link BodyPaths} walks a body, {@link HostileAnswers} judges an answer.
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

    static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)(\\??)}");

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

        final String method;
        final String template;
        final String contentType;
        final Map<String, Object> body;
        final String rawBody;
        final Map<String, String> values = new LinkedHashMap<>();
        final Set<String> required = new HashSet<>();
        final Set<String> lenient = new HashSet<>();
        final Set<String> dates = new HashSet<>();
        final Set<String> pastDates = new HashSet<>();
        final Set<String> unbounded = new HashSet<>();
        final Set<String> unknownIsEmpty = new HashSet<>();
        final Set<String> wholeNumbers = new HashSet<>();
        final Set<String> references = new HashSet<>();
        final Set<String> blankIsAbsent = new HashSet<>();
        final Set<String> itemLists = new HashSet<>();
        final Map<String, String> extraBodies = new LinkedHashMap<>();
        String label = "";
        boolean validRequestWorks = true;

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
        public List<HostileCase> cases() {
            values.forEach((k, v) -> {
                if (v == null) {
                    throw new IllegalStateException("no valid value for {" + k + "} in " + template);
                }
            });
            return new HostileVariants(this).cases();
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

    // ---------------------------------------------------------------------------------------------- running

    /**
     * The corpus of the given endpoints as JUnit dynamic tests, one container per endpoint: each case is sent, its
     * answer checked ({@link HostileAnswers#fault}) and the counts of rows in the service's tables compared before
     * and after.
     *
     * @param rowCounts the service's tables and how many rows each has now (nothing may change on a refusal)
     */
    public static Stream<DynamicNode> tests(JsonHttp http, Collection<Endpoint> endpoints,
                                            Supplier<Map<String, Long>> rowCounts) {
        return endpoints.stream().map(endpoint -> dynamicContainer(endpoint.name(),
                endpoint.cases().stream().map(c -> dynamicTest(c.variant(),
                        () -> HostileAnswers.check(http, c, rowCounts)))));
    }

    /** Why a refusal is not a proper problem detail, or empty: {@link HostileAnswers#problemFault}. */
    public static Optional<String> problemFault(JsonHttp.Response response) {
        return HostileAnswers.problemFault(response);
    }
}
