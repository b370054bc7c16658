package vn.ntm.support.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import vn.ntm.contracts.Actor;

/**
 * Who is making the current request. Until the services become OAuth2 resource servers (issue 6) the caller names
 * itself in the {@code X-NTM-Actor} and {@code X-NTM-Role} headers; every event records what was given.
 */
public class ActorResolver {

    public static final String ACTOR_HEADER = "X-NTM-Actor";
    public static final String ROLE_HEADER = "X-NTM-Role";

    public Actor current() {
        HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
                .getRequest();
        String subject = request.getHeader(ACTOR_HEADER);
        String role = request.getHeader(ROLE_HEADER);
        return new Actor(subject == null || subject.isBlank() ? "anonymous" : subject.strip(),
                role == null || role.isBlank() ? "unauthenticated" : role.strip(), null);
    }
}
