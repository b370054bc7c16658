package vn.ntm.support.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import vn.ntm.support.rules.RuleViolation;

/**
 * Turns every refusal into an RFC 9457 problem detail with a stable {@code type}, the offending {@code field} and a
 * sentence a commune officer can act on, in the request's language (Vietnamese unless English is asked for).
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    public static final String TYPE_PREFIX = "urn:ntm:problem:";

    private final MessageSource problems;

    public ProblemHandler(MessageSource problemMessages) {
        this.problems = problemMessages;
    }

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ProblemDetail> handle(RuleViolation violation) {
        HttpStatus status = switch (violation.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case UNKNOWN -> HttpStatus.UNPROCESSABLE_CONTENT;
            case CONFLICT -> HttpStatus.CONFLICT;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
        };
        ProblemDetail body = detail(status, violation.type(), text(violation.messageKey(), violation.args()));
        if (violation.field() != null) {
            body.setProperty("field", violation.field());
        }
        return ResponseEntity.status(status).body(body);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> handle(MethodArgumentTypeMismatchException e) {
        return handle(RuleViolation.invalid("invalid-parameter", e.getName(), e.getName()));
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
        return ResponseEntity.badRequest().body(body);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest()
                .body(detail(HttpStatus.BAD_REQUEST, "unreadable-request", text("problem.unreadable-request")));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(detail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "unsupported-media-type", text("problem.unsupported-media-type", e.getContentType())));
    }

    private String fieldMessage(FieldError error) {
        Locale locale = LocaleContextHolder.getLocale();
        return problems.getMessage("validation." + error.getCode(), error.getArguments(),
                problems.getMessage("validation.default", null, locale), locale);
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
}
