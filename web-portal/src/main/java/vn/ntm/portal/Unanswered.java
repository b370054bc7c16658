package vn.ntm.portal;

import java.net.URI;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * What the browser gets when no instance of a service answered: 503 with an RFC 9457 problem in the user's language
 * (Vietnamese unless the page asks for English), saying whether the request was carried out.
 */
final class Unanswered {

    /** The services' problem types (service-support's ProblemHandler) use the same prefix. */
    static final String TYPE_PREFIX = "urn:ntm:problem:";

    private Unanswered() {
    }

    /** No instance could be reached: nothing was done, trying again later is safe. */
    static ServerResponse notSent(ServerRequest request) {
        return problem(request, "service-unavailable",
                "Dịch vụ tạm thời không trả lời", "Yêu cầu chưa được thực hiện. Vui lòng thử lại sau ít phút.",
                "The service is not answering", "Nothing was done. Please try again in a few minutes.");
    }

    /** A write reached an instance that stopped answering: it may or may not have been carried out. */
    static ServerResponse unknown(ServerRequest request) {
        return problem(request, "outcome-unknown",
                "Không nhận được trả lời của dịch vụ",
                "Không rõ yêu cầu đã được thực hiện hay chưa. Vui lòng tải lại trang để kiểm tra trước khi gửi lại.",
                "No answer from the service",
                "It is not known whether the request was carried out. "
                        + "Reload the page to check before sending it again.");
    }

    private static ServerResponse problem(ServerRequest request, String type, String title, String detail,
                                          String englishTitle, String englishDetail) {
        boolean english = request.headers().firstHeader("Accept-Language") != null
                && request.headers().firstHeader("Accept-Language").strip().toLowerCase(Locale.ROOT).startsWith("en");
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                english ? englishDetail : detail);
        problem.setType(URI.create(TYPE_PREFIX + type));
        problem.setTitle(english ? englishTitle : title);
        return ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
