package vn.ntm.support.axon;

import java.net.URI;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import vn.ntm.support.web.ProblemHandler;

/** Two commands raced on one aggregate: the loser gets a 409 it can retry, never a lost update. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AxonProblemHandler {

    private final MessageSource problems;

    public AxonProblemHandler(MessageSource problemMessages) {
        this.problems = problemMessages;
    }

    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ResponseEntity<ProblemDetail> concurrentChange(Exception e) {
        var locale = LocaleContextHolder.getLocale();
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                problems.getMessage("problem.concurrent-change", null, locale));
        body.setType(URI.create(ProblemHandler.TYPE_PREFIX + "concurrent-change"));
        body.setTitle(problems.getMessage("title.concurrent-change", null, locale));
        return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
    }
}
