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
import java.util.concurrent.atomic.AtomicReference;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.springframework.context.ApplicationContext;

/**
 * The hostile-input corpus (issue 7): every endpoint of a service is described once by a <em>valid</em> request
 * ({@link #get}, {@link #post}, {@link #postRaw}), and the corpus derives the bad variants of it — broken JSON, wrong
 * types, missing and null fields, huge bodies and strings, Unicode edge cases, SQL and script injection, numbers out
 * of range, unknown and malformed ids in the path and the query, missing query parameters, wrong and missing content
 * types, wrong methods, unacceptable {@code Accept} headers.
 *
 * <p>Each variant must be refused with a 4xx RFC 9457 problem detail ({@code application/problem+json}, a {@code type}
 * starting {@code urn:ntm:problem:}, a title and a detail from the bundles) and must record nothing (every table of
 * the service's database, compared before and after by {@link TableSnapshot}). A variant may be accepted only where the endpoint says a string is
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
 * <p>To cover a new endpoint, add its valid request to the service's {@code HostileInputIT}: the corpus fails while a
 * request mapping of the running service has no endpoint here ({@link #uncovered}). The corpus by role: this
 * class describes endpoints and runs the cases; {@link HostileValues} holds the data, {@link HostileVariants} derives
 * the {@link HostileCase}s, {@link BodyPaths} walks a body, {@link HostileAnswers} judges an answer.
 *
 * <p>About 350 lines on purpose: the endpoint description (its builder), the completeness check against the
 * running service's request mappings and the loop that runs each case are one contract, read together; the variants
 * themselves live in {@link HostileVariants}, the values in {@link HostileValues}, the answers in {@link HostileAnswers}.
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
    private static final Pattern PLACEHOLDER_ANY = Pattern.compile("\\{[^}]*}");

    private HostileInputs() {
    }

    // ---------------------------------------------------------------------------------------------- endpoints

    /** A GET endpoint; {@code {name}} placeholders in the path and query are filled by {@link Endpoint#with}. */
    public static Endpoint get(String template) {
        return new Endpoint("GET", template, null, null, null);
    }

    /** A DELETE endpoint taking no body. */
    public static Endpoint delete(String template) {
        return new Endpoint("DELETE", template, null, null, null);
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
     * The corpus of the given endpoints as JUnit dynamic tests: first the check that every request mapping of the
     * running service under {@code /api} has an endpoint here ({@link #uncovered}), then one container per endpoint.
     * Each case is sent, its answer checked ({@link HostileAnswers#fault}) and, when refused, every table of the
     * service's database compared before and after ({@link TableSnapshot}: row counts and checksums).
     *
     * <p>A refused case's "after" is the next case's "before". After a case that was accepted (by design: free text)
     * the service may still be working in the background (Axon processors, the Kafka publisher), so the next case
     * starts from {@code settled}: a snapshot taken once the tables stopped moving.
     *
     * @param context the running service, whose request mappings the corpus must cover
     * @param tables  a snapshot of every table now
     * @param settled a snapshot of every table once nothing moves any more (waiting with Awaitility)
     */
    public static Stream<DynamicNode> tests(JsonHttp http, ApplicationContext context, Collection<Endpoint> endpoints,
                                            Supplier<Map<String, String>> tables,
                                            Supplier<Map<String, String>> settled) {
        DynamicNode complete = dynamicTest("every request mapping has hostile-input cases", () -> {
            Set<String> missing = uncovered(context, endpoints);
            if (!missing.isEmpty()) {
                throw new AssertionError("request mappings without an endpoint in the hostile-input corpus: "
                        + missing);
            }
        });
        AtomicReference<Map<String, String>> baseline = new AtomicReference<>();
        long[] spent = new long[3]; // cases, nanoseconds taking snapshots, waits for quiet
        Supplier<Map<String, String>> timedTables = timed(tables, spent);
        Supplier<Map<String, String>> timedSettled = () -> {
            spent[2]++;
            return timed(settled, spent).get();
        };
        Stream<DynamicNode> cases = endpoints.stream().map(endpoint -> dynamicContainer(endpoint.name(),
                endpoint.cases().stream().map(c -> dynamicTest(c.variant(), () -> {
                    spent[0]++;
                    Map<String, String> before = baseline.getAndSet(null); // null: until known refused, unwritten
                    if (before == null) {
                        before = timedSettled.get();
                    }
                    Map<String, String> after = HostileAnswers.check(http, c, before, timedTables);
                    // an accepted write may have started background work (Axon processors, the publisher): the
                    // next case waits for quiet; a read starts none, so its "after" is the next "before"
                    boolean read = "GET".equals(c.method());
                    baseline.set(after.equals(before) && (read || !c.mayBeAccepted()) ? after : null);
                }))));
        DynamicNode cost = dynamicTest("time spent on table snapshots", () -> System.out.printf(
                "hostile-input corpus: %d cases, %d waits for quiet, %d ms taking table snapshots%n",
                spent[0], spent[2], spent[1] / 1_000_000));
        return Stream.of(Stream.of(complete), cases, Stream.of(cost)).flatMap(s -> s);
    }

    private static Supplier<Map<String, String>> timed(Supplier<Map<String, String>> snapshot, long[] spent) {
        return () -> {
            long start = System.nanoTime();
            try {
                return snapshot.get();
            } finally {
                spent[1] += System.nanoTime() - start;
            }
        };
    }

    /**
     * The request mappings of the running service under {@code /api} ({@code METHOD /path}, placeholders by position:
     * their names may differ) that no endpoint of the corpus stands for.
     */
    public static Set<String> uncovered(ApplicationContext context, Collection<Endpoint> endpoints) {
        Set<String> covered = new HashSet<>();
        endpoints.forEach(e -> covered.add(e.method + " " + shape(e.template.split("\\?", 2)[0])));
        Set<String> missing = new TreeSet<>();
        for (String mapping : AccessMatrix.endpoints(context)) {
            String method = mapping.substring(0, mapping.indexOf(' '));
            String path = shape(mapping.substring(mapping.indexOf(' ') + 1));
            boolean found = "ANY".equals(method) ? covered.stream().anyMatch(c -> c.endsWith(" " + path))
                    : covered.contains(method + " " + path);
            if (!found) {
                missing.add(mapping);
            }
        }
        return missing;
    }

    private static String shape(String path) {
        return PLACEHOLDER_ANY.matcher(path).replaceAll("{}");
    }

    /** Why a refusal is not a proper problem detail, or empty: {@link HostileAnswers#problemFault}. */
    public static Optional<String> problemFault(JsonHttp.Response response) {
        return HostileAnswers.problemFault(response);
    }
}
