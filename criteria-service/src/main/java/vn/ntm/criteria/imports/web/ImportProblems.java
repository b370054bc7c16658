package vn.ntm.criteria.imports.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import vn.ntm.criteria.imports.command.ImportRefused;
import vn.ntm.criteria.imports.command.ImportView;
import vn.ntm.support.web.ProblemHandler;

/**
 * The problem details of an import that service-support's ProblemHandler cannot give: the refused rows of a file
 * (all of them, each named by its row), and a file over the import's own limit — ProblemHandler would quote the
 * 1 MB limit of JSON bodies, which is not the one a spreadsheet upload meets. Consulted before ProblemHandler.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ImportProblems {

    /** Rows named in the sentence; the {@code rows} property lists every one. */
    private static final int ROWS_IN_DETAIL = 10;

    private final MessageSource messages;

    ImportProblems(@Qualifier("problemMessages") MessageSource messages) {
        this.messages = messages;
    }

    /** Thrown when a file is over {@link MeasurementImportController#MAX_FILE_BYTES}. */
    static final class FileTooLarge extends RuntimeException {
        FileTooLarge() {
            super("spreadsheet over the import's limit");
        }
    }

    @ExceptionHandler(ImportRefused.class)
    ResponseEntity<ProblemDetail> refused(ImportRefused refused) {
        List<ImportView.RowView> rows = refused.rows();
        String list = rows.stream().limit(ROWS_IN_DETAIL).map(r -> r.indicatorCode() == null
                        ? text("problem.import-row", r.row(), r.reason())
                        : text("problem.import-row-indicator", r.row(), r.indicatorCode(), r.reason()))
                .collect(Collectors.joining("; "));
        if (rows.size() > ROWS_IN_DETAIL) {
            list += text("problem.import-rows-more", rows.size() - ROWS_IN_DETAIL);
        }
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "import-rows-refused",
                text("problem.import-rows-refused", rows.size(), list));
        problem.setProperty("recorded", 0);
        problem.setProperty("rows", rows.stream().map(r -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("row", r.row());
            row.put("indicatorCode", r.indicatorCode());
            row.put("text", r.text());
            row.put("reasonType", r.reasonType());
            row.put("reason", r.reason());
            return row;
        }).toList());
        return respond(problem);
    }

    @ExceptionHandler({MaxUploadSizeExceededException.class, FileTooLarge.class})
    ResponseEntity<ProblemDetail> tooLarge(Exception e) {
        ProblemDetail problem = problem(HttpStatus.CONTENT_TOO_LARGE, "import-file-too-large",
                text("problem.import-file-too-large", MeasurementImportController.MAX_FILE_BYTES / 1024 / 1024));
        problem.setProperty("maxBytes", MeasurementImportController.MAX_FILE_BYTES);
        return respond(problem);
    }

    /** A multipart body that cannot be read (cut short, no boundary): the client's fault, not a 500. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> unreadable(MultipartException e) {
        return respond(problem(HttpStatus.BAD_REQUEST, "import-unreadable-upload",
                text("problem.import-unreadable-upload")));
    }

    private ProblemDetail problem(HttpStatus status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(ProblemHandler.TYPE_PREFIX + type));
        problem.setTitle(text("title." + type));
        return problem;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
