package vn.ntm.support.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.HandlerMapping;
import vn.ntm.support.rules.RuleViolation;

/**
 * Runs before every controller method (model attributes come before its arguments are read) and refuses what the
 * request line and headers already show no endpoint can take: a query parameter holding control characters or a date
 * before {@link UnstorableValues#EARLIEST_DATE} (400), and an {@code Accept} header that admits no answer we can give
 * (406) — Spring would find that out only when writing the answer, after the command had been recorded.
 */
@ControllerAdvice
public class QueryAndAcceptChecks {

    /** What the services can answer in: JSON, and YAML where the converter is present. */
    private static final List<MediaType> ANSWERABLE = List.of(MediaType.APPLICATION_JSON,
            MediaType.valueOf("application/*+json"), MediaType.APPLICATION_YAML, MediaType.valueOf("application/*+yaml"));

    /** The start of an ISO date (or date-time) in a query parameter: its year. */
    private static final Pattern ISO_DATE = Pattern.compile("[+-]?(\\d{4,9})-\\d{2}-\\d{2}.*");

    @ModelAttribute
    void refuseWhatCannotBeAnswered(HttpServletRequest request) throws HttpMediaTypeNotAcceptableException {
        if (request.getDispatcherType() != DispatcherType.REQUEST) {
            return;
        }
        refuseQuery(request.getQueryString());
        refuseAccept(request);
    }

    private static void refuseQuery(String query) {
        if (query == null) {
            return;
        }
        for (String pair : query.split("&")) {
            String[] nameAndValue = pair.split("=", 2);
            String name = decode(nameAndValue[0]);
            String value = nameAndValue.length > 1 ? decode(nameAndValue[1]) : "";
            if (UnstorableValues.badCharacter(name) || UnstorableValues.badCharacter(value)) {
                throw RuleViolation.invalid("invalid-character", name, name);
            }
            Matcher date = ISO_DATE.matcher(value);
            if (date.matches() && Integer.parseInt(date.group(1)) < UnstorableValues.EARLIEST_DATE.getYear()) {
                throw RuleViolation.invalid("date-out-of-range", name, value, name);
            }
        }
    }

    private static void refuseAccept(HttpServletRequest request) throws HttpMediaTypeNotAcceptableException {
        if (request.getAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE) != null) {
            return; // the mapping declares what it produces and has already checked Accept against it
        }
        String accept = String.join(",", Collections.list(request.getHeaders(HttpHeaders.ACCEPT)));
        if (accept.isBlank()) {
            return;
        }
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            throw new HttpMediaTypeNotAcceptableException("Could not parse 'Accept' header: " + e.getMessage());
        }
        if (accepted.stream().noneMatch(type -> ANSWERABLE.stream().anyMatch(type::isCompatibleWith))) {
            throw new HttpMediaTypeNotAcceptableException(ANSWERABLE);
        }
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text; // the container decodes (or refuses) it; this only looks for control characters
        }
    }
}
