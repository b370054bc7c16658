package vn.ntm.support.messaging;

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

/** Lists, shows and replays the messages this service's consumers sent to their dead-letter topics. */
@RestController
@Access(roles = Role.PROVINCIAL_ADMIN, wholePlatform = true)
@RequestMapping("/api/dead-letters")
class DeadLetterController {

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    List<DeadLetters.DeadLetter> list() {
        return deadLetters.list();
    }

    @GetMapping("/{topic}/{partition}/{offset}")
    DeadLetters.DeadLetter one(@PathVariable String topic, @PathVariable int partition, @PathVariable long offset) {
        return deadLetters.find(topic, partition, offset).orElseThrow(() -> vn.ntm.support.rules.RuleViolation
                .notFound("dead-letter-not-found", topic + "/" + partition + "/" + offset));
    }

    @PostMapping("/{topic}/{partition}/{offset}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    DeadLetters.DeadLetter replay(@PathVariable String topic, @PathVariable int partition, @PathVariable long offset) {
        return deadLetters.replay(topic, partition, offset);
    }
}
