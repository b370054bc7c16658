package vn.ntm.reporting.feed;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Server-sent events: an open dashboard receives every change within a second of it reaching the read models. */
@RestController
class FeedController {

    private final DashboardFeed feed;

    FeedController(DashboardFeed feed) {
        this.feed = feed;
    }

    @GetMapping(path = "/api/feed", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter feed() {
        return feed.subscribe();
    }
}
