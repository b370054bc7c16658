package vn.ntm.testing;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * How an answer to a hostile request is judged: refused with a 4xx RFC 9457 problem detail ({@code type}
 * {@code urn:ntm:problem:*}, a translated title and detail), nothing recorded — or, where the endpoint says the value
 * is legitimately free, accepted without a 5xx.
 */
public final class HostileAnswers {

    private HostileAnswers() {
    }

    /**
     * Sends one case and fails with its name, the answer and the rule broken: a refusal must leave every table as
     * {@code before} found it ({@link TableSnapshot}). Returns the tables after the answer.
     */
    public static Map<String, String> check(JsonHttp http, HostileCase c, Map<String, String> before,
                                            Supplier<Map<String, String>> tables) {
        JsonHttp.Response response = c.send(http);
        Map<String, String> after = tables.get();
        Optional<String> fault = fault(c, response);
        if (fault.isEmpty() && response.status() >= 400 && !before.equals(after)) {
            fault = Optional.of("refused but written: " + TableSnapshot.difference(before, after));
        }
        if (fault.isPresent()) {
            throw new AssertionError(c + " -> " + response.status() + " " + HostileCase.abbreviate(response.body(), 600)
                    + "\n  " + fault.get());
        }
        return after;
    }

    /** Why an answer to a hostile case is wrong, or empty when it is a proper refusal (or a harmless acceptance). */
    public static Optional<String> fault(HostileCase c, JsonHttp.Response response) {
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
}
