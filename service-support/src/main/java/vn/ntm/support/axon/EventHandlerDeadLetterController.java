package vn.ntm.support.axon;

import vn.ntm.support.security.Access;
import vn.ntm.support.security.Role;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.ntm.support.rules.RuleViolation;

/**
 * Lists, shows and replays the events this service's projections parked in Axon's dead-letter queue; beside
 * {@code /api/dead-letters}, which does the same for what the Kafka consumers could not handle.
 */
@RestController
@Access(roles = Role.PROVINCIAL_ADMIN, wholePlatform = true)
@RequestMapping("/api/dead-letters/event-handlers")
class EventHandlerDeadLetterController {

    private final EventHandlerDeadLetters deadLetters;

    EventHandlerDeadLetterController(EventHandlerDeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    List<EventHandlerDeadLetters.Letter> list() {
        return deadLetters.list();
    }

    @GetMapping("/{processingGroup}/{id}")
    EventHandlerDeadLetters.Letter one(@PathVariable String processingGroup, @PathVariable String id) {
        return deadLetters.find(processingGroup, id).orElseThrow(
                () -> RuleViolation.notFound("dead-letter-not-found", processingGroup + "/" + id));
    }

    /** The letter's whole sequence goes back to its projection, oldest first (202: what failed again stays). */
    @PostMapping("/{processingGroup}/{id}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    EventHandlerDeadLetters.Replay replay(@PathVariable String processingGroup, @PathVariable String id) {
        return deadLetters.replay(processingGroup, id);
    }
}
