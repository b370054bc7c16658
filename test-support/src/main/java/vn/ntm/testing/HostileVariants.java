package vn.ntm.testing;

import static vn.ntm.testing.HostileValues.BAD_DATES;
import static vn.ntm.testing.HostileValues.BAD_NUMBERS;
import static vn.ntm.testing.HostileValues.BAD_NUMBER_TEXT;
import static vn.ntm.testing.HostileValues.BROKEN_JSON;
import static vn.ntm.testing.HostileValues.BROKEN_YAML;
import static vn.ntm.testing.HostileValues.FUTURE_DATES;
import static vn.ntm.testing.HostileValues.HOSTILE_STRINGS;
import static vn.ntm.testing.HostileValues.HUGE_BODY_BYTES;
import static vn.ntm.testing.HostileValues.HUGE_STRING_CHARS;
import static vn.ntm.testing.HostileValues.LONG_PATH_SEGMENT_CHARS;
import static vn.ntm.testing.HostileValues.WRONG_CONTENT_TYPES;
import static vn.ntm.testing.HostileValues.encode;
import static vn.ntm.testing.HostileValues.fresh;
import static vn.ntm.testing.HostileValues.INVALID_UTF8_BODY;
import static vn.ntm.testing.BodyPaths.deepCopy;
import static vn.ntm.testing.BodyPaths.get;
import static vn.ntm.testing.BodyPaths.leaves;
import static vn.ntm.testing.BodyPaths.parent;
import static vn.ntm.testing.BodyPaths.set;
import static vn.ntm.testing.BodyPaths.steps;
import vn.ntm.testing.HostileValues.Hostile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * Derives the hostile variants of one endpoint's valid request ({@link HostileInputs.Endpoint}): each placeholder
 * and each body field replaced in turn by the values of {@link HostileValues}, broken and oversized bodies, wrong
 * content types, methods and {@code Accept} headers. Which of them may be accepted follows what the endpoint says.
 * About 300 lines on purpose: one derivation, each kind of variant a short method beside the others, read together.
 */
final class HostileVariants {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String MARK = "@@hostile@@";

    private final HostileInputs.Endpoint endpoint;
    private final String method;
    private final String contentType;

    HostileVariants(HostileInputs.Endpoint endpoint) {
        this.endpoint = endpoint;
        this.method = endpoint.method;
        this.contentType = endpoint.contentType;
    }

    /** Every hostile variant of the valid request. */
    List<HostileCase> cases() {
        List<HostileCase> cases = new ArrayList<>();
        if (!endpoint.validRequestWorks) {
            cases.add(request("as given", validPath(), contentType, validBytes(), false));
        }
        placeholderCases(cases);
        endpoint.extraBodies.forEach((variant, text) -> cases.add(request("body " + variant, validPath(),
                contentType, fresh(text).getBytes(StandardCharsets.UTF_8), false)));
        if (endpoint.body != null) {
            jsonBodyCases(cases);
        } else if (endpoint.rawBody != null) {
            rawBodyCases(cases);
        }
        protocolCases(cases);
        return cases;
    }

    private void placeholderCases(List<HostileCase> cases) {
        for (String p : endpoint.values.keySet()) {
            boolean free = endpoint.lenient.contains(p);
            Map<String, String> raw = new LinkedHashMap<>();
            raw.put("unknown-uuid", UUID.randomUUID().toString());
            for (Hostile h : HOSTILE_STRINGS) {
                raw.put(h.name(), h.url());
            }
            raw.put("long-" + LONG_PATH_SEGMENT_CHARS, "x".repeat(LONG_PATH_SEGMENT_CHARS));
            BAD_NUMBER_TEXT.forEach((name, text) -> raw.put(name, encode(text)));
            if (endpoint.dates.contains(p)) {
                BAD_DATES.forEach((name, json) -> raw.put(name, encode(json.replace("\"", ""))));
            }
            if (endpoint.pastDates.contains(p)) {
                FUTURE_DATES.forEach((name, json) -> raw.put(name, encode(json.replace("\"", ""))));
            }
            // an optional query parameter given empty is not given at all
            Set<String> accepted = new HashSet<>();
            if (isQuery(p) && isOptional(p)) {
                accepted.addAll(List.of("empty", "whitespace-only"));
            }
            if (endpoint.unknownIsEmpty.contains(p)) {
                accepted.add("unknown-uuid");
            }
            raw.forEach((name, encoded) -> cases.add(request("{" + p + "} = " + name, path(p, encoded),
                    contentType, validBytes(), free || accepted.contains(name))));
            if (isQuery(p) && !isOptional(p)) {
                cases.add(request("{" + p + "} missing", path(p, null), contentType, validBytes(), false));
            }
        }
    }

    private void jsonBodyCases(List<HostileCase> cases) {
        BROKEN_JSON.forEach((name, text) -> cases.add(request("body " + name, validPath(), contentType,
                text.getBytes(StandardCharsets.UTF_8), false)));
        cases.add(request("body invalid-utf8", validPath(), contentType, INVALID_UTF8_BODY, false));
        String valid = json(endpoint.body);
        cases.add(request("body truncated", validPath(), contentType,
                valid.substring(0, valid.length() / 2).getBytes(StandardCharsets.UTF_8), false));
        cases.add(request("body followed by garbage", validPath(), contentType,
                (valid + "}}{\"x\":").getBytes(StandardCharsets.UTF_8), false));
        cases.add(request("body padded to 2 MB", validPath(), contentType, padded(valid), false));
        endpoint.body.keySet().stream().findFirst().ifPresent(first -> cases.add(request("body duplicate-key " + first,
                validPath(), contentType, ("{" + json(first) + ":" + json(endpoint.body.get(first)) + ","
                        + valid.substring(1)).getBytes(StandardCharsets.UTF_8), false)));
        leaves(endpoint.body, "", endpoint.itemLists).stream()
                .filter(field -> get(endpoint.body, field) instanceof String).findFirst()
                .ifPresent(field -> cases.add(request(field + " = huge-string-2MB", validPath(), contentType,
                        withField(field, json("x".repeat(HUGE_BODY_BYTES))), false)));
        for (String field : leaves(endpoint.body, "", endpoint.itemLists)) {
            Object value = get(endpoint.body, field);
            boolean free = endpoint.lenient.contains(field);
            Map<String, String> variants = new LinkedHashMap<>();
            if (endpoint.required.contains(field)) {
                variants.put("null", "null");
            }
            if (value instanceof String) {
                if (endpoint.references.contains(field)) {
                    variants.put("unknown-uuid", json(HostileInputs.FRESH_UUID));
                    variants.put("unknown-code", json("ZZ-" + HostileInputs.FRESH));
                }
                variants.put("object", "{}");
                variants.put("array", "[\"x\"]");
                if (!endpoint.unbounded.contains(field)) {
                    variants.put("huge-string-" + HUGE_STRING_CHARS, json("x".repeat(HUGE_STRING_CHARS)));
                }
                if (endpoint.dates.contains(field)) {
                    variants.putAll(BAD_DATES);
                }
                if (endpoint.pastDates.contains(field)) {
                    variants.putAll(FUTURE_DATES);
                }
            } else if (value instanceof Number) {
                variants.putAll(BAD_NUMBERS);
                if (endpoint.wholeNumbers.contains(field)) {
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
            if (value instanceof String && endpoint.unbounded.contains(field)) {
                cases.add(request(field + " = huge-string-" + HUGE_STRING_CHARS + " (known unbounded)",
                        validPath(), contentType, withField(field, json("x".repeat(HUGE_STRING_CHARS))), true));
            }
            if (value instanceof String) {
                for (Hostile h : HOSTILE_STRINGS) {
                    boolean blank = h.name().equals("empty") || h.name().equals("whitespace-only");
                    cases.add(request(field + " = " + h.name(), validPath(), contentType,
                            withField(field, h.json()), free || blank && endpoint.blankIsAbsent.contains(field)));
                }
            }
            if (endpoint.required.contains(field)) {
                cases.add(request(field + " missing", validPath(), contentType, without(field), false));
            }
        }
    }

    private void rawBodyCases(List<HostileCase> cases) {
        Map<String, String> broken = contentType.contains("yaml") ? BROKEN_YAML : BROKEN_JSON;
        broken.forEach((name, text) -> cases.add(request("body " + name, validPath(), contentType,
                text.getBytes(StandardCharsets.UTF_8), false)));
        cases.add(request("body invalid-utf8", validPath(), contentType, INVALID_UTF8_BODY, false));
        String valid = fresh(endpoint.rawBody);
        cases.add(request("body truncated", validPath(), contentType,
                valid.substring(0, valid.length() / 2).getBytes(StandardCharsets.UTF_8), false));
        String comment = contentType.contains("yaml") ? "# " : "";
        String padded = valid + "\n" + comment + "x".repeat(HUGE_BODY_BYTES);
        String size = "2 MB";
        if (contentType.startsWith("multipart/")) {
            // inside the last part (the file): after the closing boundary it would be an epilogue, which readers
            // skip; and twice as much, as an upload may be larger than a JSON body (criteria's imports: 2 MiB)
            int end = valid.lastIndexOf("\r\n--");
            padded = valid.substring(0, end) + "x".repeat(2 * HUGE_BODY_BYTES) + valid.substring(end);
            size = "4 MB";
        }
        cases.add(request("body padded to " + size, validPath(), contentType,
                padded.getBytes(StandardCharsets.UTF_8), false));
    }

    private void protocolCases(List<HostileCase> cases) {
        if (contentType != null) {
            for (String type : WRONG_CONTENT_TYPES) {
                cases.add(request("content-type " + type, validPath(), type, validBytes(), false));
            }
            cases.add(request("no content-type", validPath(), null, validBytes(), false));
        }
        cases.add(new HostileCase(endpoint.name(), "wrong method " + ("GET".equals(method) ? "DELETE" : "PUT"),
                "GET".equals(method) ? "DELETE" : "PUT", validPath(), contentType, validBytes(), Map.of(), false));
        if (endpoint.validRequestWorks) {
            cases.add(new HostileCase(endpoint.name(), "accept application/xml", method, validPath(), contentType,
                    validBytes(), Map.of("Accept", "application/xml"), false));
            cases.add(new HostileCase(endpoint.name(), "accept malformed", method, validPath(), contentType,
                    validBytes(), Map.of("Accept", ";;;/"), false));
        }
    }

    private HostileCase request(String variant, String path, String type, byte[] bytes, boolean mayBeAccepted) {
        return new HostileCase(endpoint.name(), variant, method, path, type, bytes, Map.of(), mayBeAccepted);
    }

    private boolean isQuery(String placeholder) {
        int query = endpoint.template.indexOf('?');
        return query >= 0 && endpoint.template.indexOf("{" + placeholder, query) > 0;
    }

    private boolean isOptional(String placeholder) {
        return endpoint.template.contains("{" + placeholder + "?}");
    }

    private String validPath() {
        return path(null, null);
    }

    /** The path with every placeholder at its valid value except {@code hostile} (encoded; null: left out). */
    private String path(String hostile, String encoded) {
        String[] parts = endpoint.template.split("\\?", 2);
        StringBuilder out = new StringBuilder(fill(parts[0], hostile, encoded));
        if (parts.length > 1) {
            List<String> pairs = new ArrayList<>();
            for (String pair : parts[1].split("&")) {
                Matcher m = HostileInputs.PLACEHOLDER.matcher(pair);
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
        Matcher m = HostileInputs.PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = name.equals(hostile) ? encoded : encode(fresh(endpoint.values.get(name)));
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private byte[] validBytes() {
        if (endpoint.body != null) {
            return json(endpoint.body).getBytes(StandardCharsets.UTF_8);
        }
        return endpoint.rawBody == null ? null : fresh(endpoint.rawBody).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] withField(String field, String rawJson) {
        return withField(field, rawJson.getBytes(StandardCharsets.UTF_8));
    }

    /** The valid endpoint.body with one field's value replaced by raw JSON bytes (which may be invalid UTF-8). */
    private byte[] withField(String field, byte[] rawJson) {
        Map<String, Object> copy = deepCopy(endpoint.body);
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
        Map<String, Object> copy = deepCopy(endpoint.body);
        List<Object> steps = steps(field);
        if (parent(copy, steps) instanceof Map<?, ?> map) {
            map.remove(steps.get(steps.size() - 1));
        }
        return json(copy).getBytes(StandardCharsets.UTF_8);
    }

    private String json(Object value) {
        return fresh(JSON.writeValueAsString(value));
    }

    private static byte[] padded(String validJson) {
        String padding = ",\"padding\":\"" + "x".repeat(HUGE_BODY_BYTES) + "\"}";
        return (validJson.substring(0, validJson.lastIndexOf('}')) + padding).getBytes(StandardCharsets.UTF_8);
    }
}
