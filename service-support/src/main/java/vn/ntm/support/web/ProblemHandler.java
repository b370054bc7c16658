package vn.ntm.support.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import vn.ntm.support.rules.RuleViolation;

/**
 * Turns every refusal into an RFC 9457 problem detail ({@code application/problem+json}) with a stable
 * {@code type} ({@code urn:ntm:problem:<slug>}), the offending {@code field} and a sentence a commune officer can act
 * on, in the request's language (Vietnamese unless English is asked for) — the services' own rule violations as well
 * as what Spring MVC refuses (unknown path, wrong method, missing parameter, unreadable body, ...). An unexpected
 * failure is a 500 problem detail too, logged, without internals. The sentences come from {@link ProblemTexts}.
 *
 * <p>What is refused before a controller runs has a class of its own: {@link RequestBodyLimit} (413),
 * {@link UnstorableValues} (400), {@link QueryAndAcceptChecks} (400, 406); what Tomcat refuses before any servlet
 * runs is answered by {@link ContainerProblemValve}. A service's own advice ordered before this one (the default,
 * lowest precedence) is consulted first.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    public static final String TYPE_PREFIX = "urn:ntm:problem:";

    private static final Pattern QUOTED = Pattern.compile("[\"'](.+?)[\"']");

    private final ProblemTexts texts;

    public ProblemHandler(MessageSource problemMessages) {
        this.texts = new ProblemTexts(problemMessages);
    }

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<Object> handle(RuleViolation violation) {
        HttpStatus status = switch (violation.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case UNKNOWN -> HttpStatus.UNPROCESSABLE_CONTENT;
            case CONFLICT -> HttpStatus.CONFLICT;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
        };
        String sentence = texts.text(violation.messageKey(), violation.args());
        RuleViolation.Item item = violation.item();
        if (item != null) {
            sentence = texts.text("problem.in-item", item.index() + 1, item.name(), sentence);
        }
        ProblemDetail body = texts.detail(status, violation.type(), sentence);
        if (violation.field() != null) {
            body.setProperty("field", violation.field());
        }
        if (item != null) {
            Map<String, Object> named = new LinkedHashMap<>();
            named.put("index", item.index());
            named.put(item.key(), item.name());
            body.setProperty("item", named);
        }
        return respond(body, null);
    }

    /** A parameter that does not convert: the detail says what was given and what form is expected. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> handle(MethodArgumentTypeMismatchException e) {
        return respond(withField(texts.detail(HttpStatus.BAD_REQUEST, "invalid-parameter",
                texts.invalidParameter(e.getName(), e.getValue(), e.getRequiredType())), e.getName()), null);
    }

    /** Tomcat could not decode the query (bytes that are not UTF-8): it would otherwise look like our failure. */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Object> handle(InvalidParameterException e) {
        HttpStatus status = HttpStatus.resolve(e.getErrorCode());
        if (status == null || !status.is4xxClientError()) {
            status = HttpStatus.BAD_REQUEST;
        }
        return respond(texts.detail(status, "invalid-character", texts.text("problem.invalid-character.query")), null);
    }

    /** Anything else: a rule violation wrapped on its way up is still that refusal; the rest is our fault. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RuleViolation violation) {
                return handle(violation);
            }
        }
        if (committed(request)) {
            logger.warn("Failure after the answer was sent: " + e);
            return null;
        }
        logger.error("Unexpected failure of " + request.getDescription(false), e);
        return respond(texts.detail(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                texts.text("problem.internal-error")), null);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(), "message", texts.fieldMessage(error)))
                .toList();
        String summary = String.join("; ", errors.stream().map(m -> m.get("field") + ": " + m.get("message")).toList());
        ProblemDetail body = texts.detail(HttpStatus.BAD_REQUEST, "invalid-request",
                texts.text("problem.invalid-request", summary));
        body.setProperty("errors", errors);
        if (errors.size() == 1) {
            body.setProperty("field", errors.get(0).get("field"));
        }
        return respond(body, headers);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyLimit.BodyTooLarge) {
                return payloadTooLarge(headers);
            }
            if (cause instanceof InvalidFormatException format && format.getValue() instanceof Number
                    && ProblemTexts.WHOLE_NUMBER_TYPES.contains(format.getTargetType())) {
                String field = fieldPath(format);
                return handle(RuleViolation.invalid("whole-number-required", field, field, format.getValue()));
            }
            if (cause instanceof StreamReadException read && read.getOriginalMessage() != null
                    && read.getOriginalMessage().startsWith("Duplicate")) {
                Matcher quoted = QUOTED.matcher(read.getOriginalMessage());
                String field = quoted.find() ? quoted.group(1) : "body";
                return handle(RuleViolation.invalid("duplicate-field", field, field));
            }
        }
        return respond(texts.detail(HttpStatus.BAD_REQUEST, "unreadable-request",
                texts.text("problem.unreadable-request")), headers);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String supported = e.getSupportedMediaTypes().stream().filter(type -> !type.isWildcardSubtype()
                        && !type.getSubtype().startsWith("*")).map(MediaType::toString).distinct()
                .collect(Collectors.joining(", "));
        String given = request.getHeader(HttpHeaders.CONTENT_TYPE);
        String detail = e.getContentType() == null || given == null || given.isBlank()
                ? texts.text("problem.missing-media-type", supported)
                : texts.text("problem.unsupported-media-type", e.getContentType(), supported);
        return respond(texts.detail(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", detail), headers);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return payloadTooLarge(headers);
    }

    /**
     * Every other refusal Spring MVC makes (wrong method, unknown path, missing parameter, ...) arrives here with
     * the status it chose; it gets a problem type of ours and a sentence from the bundles.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (committed(request)) {
            return super.handleExceptionInternal(e, body, headers, statusCode, request);
        }
        HttpStatus status = HttpStatus.resolve(statusCode.value());
        if (status == null) {
            status = statusCode.is4xxClientError() ? HttpStatus.BAD_REQUEST : HttpStatus.INTERNAL_SERVER_ERROR;
        }
        ProblemDetail problem = describe(e, status);
        if (status.is5xxServerError()) {
            logger.error("Failure of " + request.getDescription(false), e);
        }
        return respond(problem, headers);
    }

    private ProblemDetail describe(Exception e, HttpStatus status) {
        if (e instanceof HttpRequestMethodNotSupportedException m) {
            String supported = m.getSupportedHttpMethods() == null ? ""
                    : m.getSupportedHttpMethods().stream().map(Object::toString).collect(Collectors.joining(", "));
            return texts.detail(status, "method-not-allowed",
                    texts.text("problem.method-not-allowed", m.getMethod(), supported));
        }
        if (e instanceof HttpMediaTypeNotAcceptableException) {
            return texts.detail(status, "not-acceptable", texts.text("problem.not-acceptable"));
        }
        if (e instanceof MissingServletRequestParameterException p) {
            return withField(texts.detail(status, "missing-parameter",
                    texts.text("problem.missing-parameter", p.getParameterName())), p.getParameterName());
        }
        if (e instanceof NoResourceFoundException r) {
            return texts.detail(status, "not-found", texts.text("problem.not-found", "/" + r.getResourcePath()));
        }
        if (e instanceof NoHandlerFoundException h) {
            return texts.detail(status, "not-found", texts.text("problem.not-found", h.getRequestURL()));
        }
        if (e instanceof TypeMismatchException t) {
            return withField(texts.detail(status, "invalid-parameter", texts.invalidParameter(t.getPropertyName(),
                    t.getValue(), t.getRequiredType())), t.getPropertyName());
        }
        if (e instanceof HandlerMethodValidationException v) {
            String errors = v.getParameterValidationResults().stream()
                    .flatMap(r -> r.getResolvableErrors().stream().map(error -> r.getMethodParameter()
                            .getParameterName() + ": " + texts.constraintMessage(error, r.getArgument())))
                    .collect(Collectors.joining("; "));
            return texts.detail(status, "invalid-parameter", texts.text("problem.invalid-request", errors));
        }
        if (status.is4xxClientError()) {
            return texts.detail(status, "bad-request", texts.text("problem.bad-request", status.value()));
        }
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            return texts.detail(status, "service-unavailable", texts.text("problem.service-unavailable"));
        }
        return texts.detail(status, "internal-error", texts.text("problem.internal-error"));
    }

    private static String fieldPath(DatabindException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        return path.isEmpty() ? "body" : path;
    }

    private ResponseEntity<Object> payloadTooLarge(HttpHeaders headers) {
        return respond(texts.detail(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
                texts.text("problem.payload-too-large", RequestBodyLimit.MAX_BODY_BYTES / 1024)), headers);
    }

    /** Always {@code application/problem+json}, whatever the request's {@code Accept} said. */
    private ResponseEntity<Object> respond(ProblemDetail body, HttpHeaders headers) {
        HttpHeaders out = new HttpHeaders();
        if (headers != null) {
            out.putAll(headers);
        }
        out.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return ResponseEntity.status(body.getStatus()).headers(out).body(body);
    }

    private static boolean committed(WebRequest request) {
        HttpServletResponse response = request instanceof ServletWebRequest servlet ? servlet.getResponse() : null;
        return response != null && response.isCommitted();
    }

    private static ProblemDetail withField(ProblemDetail body, String field) {
        body.setProperty("field", field);
        return body;
    }
}
