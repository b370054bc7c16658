package vn.ntm.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * A background request without a session (it expired, or the user signed out in another tab): 401 with an RFC 9457
 * problem in the user's language, saying where to sign in again. The page keeps what was typed.
 */
final class SignInRequired implements AuthenticationEntryPoint {

    static final String SIGN_IN = "/oauth2/authorization/ntm";

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        // Vietnamese unless the page asks for English (its language switch sends Accept-Language: en)
        String language = request.getHeader("Accept-Language");
        boolean english = language != null && language.strip().toLowerCase(Locale.ROOT).startsWith("en");
        String title = english ? "Please sign in again" : "Vui lòng đăng nhập lại";
        String detail = english
                ? "Your session has ended. What you typed is kept; sign in again to continue."
                : "Phiên đăng nhập đã kết thúc. Những gì bạn đã nhập vẫn được giữ lại; hãy đăng nhập lại để tiếp tục.";
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":401,\"detail\":\""
                + detail + "\",\"signIn\":\"" + SIGN_IN + "\"}");
    }
}
