package vn.ntm.support.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;
import vn.ntm.support.web.ProblemHandler;

/**
 * Problem details for what the security filters refuse before any controller runs, in the caller's language:
 * <ul>
 *   <li>401 for a request without a valid token, with the {@code WWW-Authenticate: Bearer} challenge RFC 6750 asks
 *       for. It does not say which check failed (expired, foreign issuer, bad signature): that helps an attacker more
 *       than a user; the service log says it.</li>
 *   <li>400 for a request whose address the firewall refuses (an encoded slash, semicolon or line break).</li>
 * </ul>
 */
public class SecurityProblems implements AuthenticationEntryPoint, RequestRejectedHandler {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MessageSource messages;
    private final LocaleResolver locales;

    public SecurityProblems(MessageSource messages, LocaleResolver locales) {
        this.messages = messages;
        this.locales = locales;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        boolean tokenGiven = request.getHeader("Authorization") != null || request.getParameter("access_token") != null;
        response.setHeader("WWW-Authenticate", tokenGiven ? "Bearer error=\"invalid_token\"" : "Bearer");
        write(request, response, HttpStatus.UNAUTHORIZED, tokenGiven ? "invalid-token" : "unauthenticated");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        write(request, response, HttpStatus.BAD_REQUEST, "rejected-address");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type)
            throws IOException {
        Locale locale = locales.resolveLocale(request);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", ProblemHandler.TYPE_PREFIX + type);
        problem.put("title", messages.getMessage("title." + type, null, type, locale));
        problem.put("status", status.value());
        problem.put("detail", messages.getMessage("problem." + type, null, type, locale));
        problem.put("instance", request.getRequestURI());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(JSON.writeValueAsString(problem));
    }
}
