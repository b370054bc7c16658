package vn.ntm.reporting.feed.web;

import java.time.Clock;
import java.time.Duration;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import vn.ntm.support.security.Access;
import vn.ntm.support.security.AccessGuard;
import vn.ntm.support.security.Caller;
import vn.ntm.support.security.Role;
import vn.ntm.reporting.feed.query.LiveDashboards;

/**
 * Server-sent events: an open dashboard receives every change within a second of it reaching the read models, of the
 * units its caller's scope covers on the change's valid date (for a status stretch: on its first or its last date).
 * The token comes in the {@code Authorization} header (the portal relays it). The stream ends when the token expires;
 * the browser's reconnection is then refused (401) and the dashboard asks the user to sign in again.
 */
@RestController
class FeedController {

    private final LiveDashboards feed;
    private final AccessGuard access;
    private final Clock clock;

    FeedController(LiveDashboards feed, AccessGuard access, Clock clock) {
        this.feed = feed;
        this.access = access;
        this.clock = clock;
    }

    @GetMapping(path = "/api/feed", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Access(roles = {Role.COMMUNE_OFFICER, Role.ANALYST, Role.PROVINCIAL_ADMIN, Role.VIEWER})
    SseEmitter feed(@AuthenticationPrincipal Jwt token) {
        Caller caller = access.caller();
        long untilExpiry = token.getExpiresAt() == null ? 0L
                : Math.max(1L, Duration.between(clock.instant(), token.getExpiresAt()).toMillis());
        if (caller.wholePlatform()) {
            return feed.subscribe(change -> true, untilExpiry);
        }
        // the scope of the unit concerned on the change's valid date (or, for a status stretch, on its last date), as
        // the hierarchy is known when it arrives
        return feed.subscribe(change -> change.unitId() != null
                && change.dates().stream().anyMatch(on -> access.covers(caller, change.unitId(), on)), untilExpiry);
    }
}
