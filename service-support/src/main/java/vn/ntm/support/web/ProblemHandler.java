package vn.ntm.support.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.json.JsonMapper;
import vn.ntm.support.rules.RuleViolation;

/**
 * Turns every refusal into an RFC 9457 problem detail ({@code application/problem+json}) with a stable
 * {@code type} ({@code urn:ntm:problem:<slug>}), the offending {@code field} and a sentence a commune officer can act
 * on, in the request's language (Vietnamese unless English is asked for) — the services' own rule violations as well
 * as what Spring MVC refuses (unknown path, wrong method, missing parameter, unreadable body, ...). An unexpected
 * failure is a 500 problem detail too, logged, without internals.
 *
 * <p>It also refuses, before a controller runs and so before anything is recorded, what no endpoint can take:
 * a body over {@link #MAX_BODY_BYTES} (413), text holding control characters or broken Unicode and numbers no
 * measurement can have ({@link #refuseUnstorableValues}, 400), a query parameter holding control characters, and an
 * {@code Accept} header the answer cannot satisfy (406) —
 * Spring would otherwise only notice that after the command had been recorded.
 *
 * <p>What Tomcat itself refuses before any servlet runs (a URL with an encoded slash, a NUL or broken UTF-8) is
 * answered as a problem detail too, by {@link ContainerProblemValve} on the host.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler
        implements RequestBodyAdvice, WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

    public static final String TYPE_PREFIX = "urn:ntm:problem:";

    /** The largest request body any endpoint takes; the biggest shipped criteria set is about 30 KB. */
    public static final long MAX_BODY_BYTES = 1024 * 1024;

    /** The most digits a number in a request may have before and after the decimal point. */
    public static final int MAX_INTEGER_DIGITS = 18;
    public static final int MAX_FRACTION_DIGITS = 12;

    /** No date the programme records (a unit's founding, a decision, a measurement) lies before this one. */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);

    /** What the services can answer in: JSON, and YAML where the converter is present. */
    private static final List<MediaType> ANSWERABLE = List.of(MediaType.APPLICATION_JSON,
            MediaType.valueOf("application/*+json"), MediaType.APPLICATION_YAML, MediaType.valueOf("application/*+yaml"));

    private final MessageSource problems;

    public ProblemHandler(MessageSource problemMessages) {
        this.problems = problemMessages;
    }

    // ------------------------------------------------------------------------------------------- refusals

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<Object> handle(RuleViolation violation) {
        HttpStatus status = switch (violation.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case UNKNOWN -> HttpStatus.UNPROCESSABLE_CONTENT;
            case CONFLICT -> HttpStatus.CONFLICT;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
        };
        String sentence = text(violation.messageKey(), violation.args());
        RuleViolation.Item item = violation.item();
        if (item != null) {
            sentence = text("problem.in-item", item.index() + 1, item.name(), sentence);
        }
        ProblemDetail body = detail(status, violation.type(), sentence);
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
        return respond(withField(detail(HttpStatus.BAD_REQUEST, "invalid-parameter",
                invalidParameter(e.getName(), e.getValue(), e.getRequiredType())), e.getName()), null);
    }

    /** Tomcat could not decode the query (bytes that are not UTF-8): it would otherwise look like our failure. */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Object> handle(InvalidParameterException e) {
        HttpStatus status = HttpStatus.resolve(e.getErrorCode());
        if (status == null || !status.is4xxClientError()) {
            status = HttpStatus.BAD_REQUEST;
        }
        return respond(detail(status, "invalid-character", text("problem.invalid-character.query")), null);
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
        return respond(detail(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", text("problem.internal-error")),
                null);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(), "message", fieldMessage(error)))
                .toList();
        String summary = String.join("; ", errors.stream().map(m -> m.get("field") + ": " + m.get("message")).toList());
        ProblemDetail body = detail(HttpStatus.BAD_REQUEST, "invalid-request", text("problem.invalid-request", summary));
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
            if (cause instanceof BodyTooLarge) {
                return payloadTooLarge(headers);
            }
            if (cause instanceof InvalidFormatException format && format.getValue() instanceof Number
                    && WHOLE_NUMBER_TYPES.contains(format.getTargetType())) {
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
        return respond(detail(HttpStatus.BAD_REQUEST, "unreadable-request", text("problem.unreadable-request")),
                headers);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String supported = e.getSupportedMediaTypes().stream().filter(type -> !type.isWildcardSubtype()
                        && !type.getSubtype().startsWith("*")).map(MediaType::toString).distinct()
                .collect(Collectors.joining(", "));
        String given = request.getHeader(HttpHeaders.CONTENT_TYPE);
        String detail = e.getContentType() == null || given == null || given.isBlank()
                ? text("problem.missing-media-type", supported)
                : text("problem.unsupported-media-type", e.getContentType(), supported);
        return respond(detail(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", detail), headers);
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
            return detail(status, "method-not-allowed", text("problem.method-not-allowed", m.getMethod(), supported));
        }
        if (e instanceof HttpMediaTypeNotAcceptableException) {
            return detail(status, "not-acceptable", text("problem.not-acceptable"));
        }
        if (e instanceof MissingServletRequestParameterException p) {
            return withField(detail(status, "missing-parameter",
                    text("problem.missing-parameter", p.getParameterName())), p.getParameterName());
        }
        if (e instanceof NoResourceFoundException r) {
            return detail(status, "not-found", text("problem.not-found", "/" + r.getResourcePath()));
        }
        if (e instanceof NoHandlerFoundException h) {
            return detail(status, "not-found", text("problem.not-found", h.getRequestURL()));
        }
        if (e instanceof TypeMismatchException t) {
            return withField(detail(status, "invalid-parameter",
                    invalidParameter(t.getPropertyName(), t.getValue(), t.getRequiredType())), t.getPropertyName());
        }
        if (e instanceof HandlerMethodValidationException v) {
            String errors = v.getParameterValidationResults().stream()
                    .flatMap(r -> r.getResolvableErrors().stream().map(error -> r.getMethodParameter()
                            .getParameterName() + ": " + constraintMessage(error, r.getArgument())))
                    .collect(Collectors.joining("; "));
            return detail(status, "invalid-parameter", text("problem.invalid-request", errors));
        }
        if (status.is4xxClientError()) {
            return detail(status, "bad-request", text("problem.bad-request", status.value()));
        }
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            return detail(status, "service-unavailable", text("problem.service-unavailable"));
        }
        return detail(status, "internal-error", text("problem.internal-error"));
    }

    // ------------------------------------------------------------------------------------------- before the controller

    /**
     * Runs before every controller method (model attributes come before its arguments are read): refuses a query
     * parameter holding control characters or a date before {@link #EARLIEST_DATE}, and an {@code Accept} header that admits no answer we can give — Spring
     * would find that out only when writing the answer, after the command had been recorded.
     */
    @ModelAttribute
    void refuseWhatCannotBeAnswered(HttpServletRequest request) throws HttpMediaTypeNotAcceptableException {
        if (request.getDispatcherType() != DispatcherType.REQUEST) {
            return;
        }
        String query = request.getQueryString();
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] nameAndValue = pair.split("=", 2);
                String name = decode(nameAndValue[0]);
                String value = nameAndValue.length > 1 ? decode(nameAndValue[1]) : "";
                if (badCharacter(name) || badCharacter(value)) {
                    throw RuleViolation.invalid("invalid-character", name, name);
                }
                Matcher date = ISO_DATE.matcher(value);
                if (date.matches() && Integer.parseInt(date.group(1)) < EARLIEST_DATE.getYear()) {
                    throw RuleViolation.invalid("date-out-of-range", name, value, name);
                }
            }
        }
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

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    /** Refuses a body over the limit: at once when its length is declared, otherwise when reading passes it. */
    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
                                           Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
        if (input.getHeaders().getContentLength() > MAX_BODY_BYTES) {
            throw new BodyTooLarge();
        }
        InputStream limited = new LimitedInputStream(input.getBody());
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return limited;
            }

            @Override
            public HttpHeaders getHeaders() {
                return input.getHeaders();
            }
        };
    }

    private static final Set<Class<?>> WHOLE_NUMBER_TYPES = Set.of(int.class, Integer.class, long.class, Long.class,
            short.class, Short.class, byte.class, Byte.class, BigInteger.class);
    /** The start of an ISO date (or date-time) in a query parameter: its year. */
    private static final Pattern ISO_DATE = Pattern.compile("[+-]?(\\d{4,9})-\\d{2}-\\d{2}.*");
    private static final Pattern QUOTED = Pattern.compile("[\"'](.+?)[\"']");

    private static String fieldPath(DatabindException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        return path.isEmpty() ? "body" : path;
    }

    /** Refuses what no field may hold: see {@link #refuseUnstorableValues}. */
    @Override
    public Object afterBodyRead(Object body, HttpInputMessage input, MethodParameter parameter, Type targetType,
                                Class<? extends HttpMessageConverter<?>> converterType) {
        refuseUnstorableValues(body);
        return body;
    }

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
     * Every request body read by Spring is checked on arrival; a controller that reads a body itself (a YAML
     * document) calls this on what it read.
     */
    public static void refuseUnstorableValues(Object value) {
        RuleViolation violation = unstorable(value, "", 0);
        if (violation != null) {
            throw violation;
        }
    }

    @Override
    public Object handleEmptyBody(Object body, HttpInputMessage input, MethodParameter parameter, Type targetType,
                                  Class<? extends HttpMessageConverter<?>> converterType) {
        return body;
    }

    // ------------------------------------------------------------------------------------------- the container

    /** After Spring Boot's own error report valve (order 0), so that this one, added later, answers first. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addContextCustomizers(context -> context.getParent().getPipeline()
                .addValve(new ContainerProblemValve(problems)));
    }

    /**
     * Tomcat refuses some requests before any servlet sees them (an invalid URL: {@code %2F}, {@code %00}, bytes that
     * are not UTF-8) and renders the refusal with the host's error report valve, as HTML. This valve renders it as a
     * problem detail instead, in Vietnamese unless {@code Accept-Language} asks for English.
     */
    static final class ContainerProblemValve extends ErrorReportValve {

        private static final JsonMapper JSON = JsonMapper.builder().build();

        private final MessageSource problems;

        ContainerProblemValve(MessageSource problems) {
            this.problems = problems;
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean(true);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            Locale locale = locale(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
            String type = status == 404 ? "not-found" : status < 500 ? "bad-request" : "internal-error";
            Object arg = status == 404 ? request.getRequestURI() : status;
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", TYPE_PREFIX + type);
            body.put("title", problems.getMessage("title." + type, null, type, locale));
            body.put("status", status);
            body.put("detail", problems.getMessage("problem." + type, new Object[] {arg}, type, locale));
            try {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                PrintWriter writer = response.getReporter();
                if (writer != null) {
                    writer.write(JSON.writeValueAsString(body));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the client is gone or the answer already started: nothing more can be said
            }
        }

        /** As the services resolve it: English when asked for first, otherwise Vietnamese. */
        private static Locale locale(String acceptLanguage) {
            if (acceptLanguage != null) {
                try {
                    for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                        String language = range.getRange().split("-")[0];
                        if (language.equals("en")) {
                            return Locale.ENGLISH;
                        }
                        if (language.equals("vi")) {
                            return WebAutoConfiguration.VIETNAMESE;
                        }
                    }
                } catch (IllegalArgumentException e) {
                    // a malformed header: the default language
                }
            }
            return WebAutoConfiguration.VIETNAMESE;
        }
    }

    // ------------------------------------------------------------------------------------------- helpers

    private ResponseEntity<Object> payloadTooLarge(HttpHeaders headers) {
        return respond(detail(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
                text("problem.payload-too-large", MAX_BODY_BYTES / 1024)), headers);
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

    private String fieldMessage(FieldError error) {
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
    private String constraintMessage(MessageSourceResolvable error, Object rejected) {
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

    private static boolean isList(Object value) {
        return value instanceof java.util.Collection<?> || value instanceof Map<?, ?>
                || value != null && value.getClass().isArray();
    }

    /** How long a rejected text is (in characters as a person counts them), or how many items a list has. */
    private static int size(Object value) {
        if (value instanceof CharSequence text) {
            return (int) text.codePoints().count();
        }
        if (value instanceof java.util.Collection<?> items) {
            return items.size();
        }
        if (value instanceof Map<?, ?> map) {
            return map.size();
        }
        return value != null && value.getClass().isArray() ? java.lang.reflect.Array.getLength(value) : 0;
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

    /** "The value X of parameter P is not valid", then what is expected for its type when that can be said. */
    private String invalidParameter(String name, Object value, Class<?> type) {
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
            return text("expected.one-of", java.util.Arrays.stream(type.getEnumConstants())
                    .map(Object::toString).collect(Collectors.joining(", ")));
        }
        return null;
    }

    /** A rejected value as the detail quotes it: at most 40 characters. */
    private static String shortened(Object value) {
        String text = value == null ? "" : value instanceof Object[] array ? String.join(",",
                java.util.Arrays.stream(array).map(String::valueOf).toList()) : String.valueOf(value);
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    private String text(String key, Object... args) {
        return problems.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    private ProblemDetail detail(HttpStatus status, String type, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create(TYPE_PREFIX + type));
        body.setTitle(text("title." + type));
        return body;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text; // the container decodes (or refuses) it; this only looks for control characters
        }
    }

    /** The refusal of the first unstorable value in a body (records, collections, maps, text, numbers), or null. */
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
    private static boolean badCharacter(CharSequence text) {
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

    /** A body that turned out larger than {@link #MAX_BODY_BYTES}. */
    static final class BodyTooLarge extends IOException {
        BodyTooLarge() {
            super("request body larger than " + MAX_BODY_BYTES + " bytes");
        }
    }

    /** Counts what is read and fails once the limit is passed (a chunked body declares no length). */
    private static final class LimitedInputStream extends FilterInputStream {

        private long read;

        LimitedInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(long n) throws BodyTooLarge {
            read += n;
            if (read > MAX_BODY_BYTES) {
                throw new BodyTooLarge();
            }
        }
    }
}
