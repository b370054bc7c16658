package vn.ntm.support.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import vn.ntm.support.rules.RuleViolation;

/**
 * Applies each endpoint's {@link Access} before the handler runs, so a refused request reads no body and writes
 * nothing. Handlers under {@code /api} without a declaration are refused to everyone.
 */
public class AccessInterceptor implements HandlerInterceptor {

    /** The request attribute holding the role the caller acts in (the first allowed role they hold). */
    public static final String ACTING_ROLE = AccessInterceptor.class.getName() + ".role";

    private final AccessGuard guard;
    private final UnitOwners owners;

    public AccessInterceptor(AccessGuard guard, UnitOwners owners) {
        this.guard = guard;
        this.owners = owners;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        Access access = declaration(method);
        if (access == null) {
            if (request.getRequestURI().startsWith(request.getContextPath() + "/api")) {
                throw RuleViolation.forbidden("access-undeclared");
            }
            return true;
        }
        request.setAttribute(ACTING_ROLE, guard.requireRole(access.roles()));
        if (access.wholePlatform()) {
            guard.requireWholePlatform();
        }
        String unit = access.unit().isEmpty() ? null : parameter(request, access.unit());
        if (unit != null && !access.owner().isEmpty()) {
            unit = owners.unitOf(access.owner(), unit).orElse(null);
        }
        if (unit != null) {
            guard.require(unit, date(request, access.on()));
        }
        return true;
    }

    private static Access declaration(HandlerMethod method) {
        Access access = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), Access.class);
        return access != null ? access
                : AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), Access.class);
    }

    @SuppressWarnings("unchecked")
    private static String parameter(HttpServletRequest request, String name) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String value = variables instanceof Map<?, ?> map ? ((Map<String, String>) map).get(name) : null;
        if (value == null) {
            value = request.getParameter(name);
        }
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The date concerned; a malformed one is left to the handler, which refuses it with 400. */
    private static LocalDate date(HttpServletRequest request, String[] names) {
        for (String name : names) {
            String value = request.getParameter(name);
            if (value != null && !value.isBlank()) {
                try {
                    return LocalDate.parse(value.strip());
                } catch (DateTimeParseException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
