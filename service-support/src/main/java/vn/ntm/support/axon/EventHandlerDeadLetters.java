package vn.ntm.support.axon;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jpa.JpaDeadLetter;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import vn.ntm.support.rules.RuleViolation;

/**
 * The events a projection could not handle, parked by Axon's dead-letter queue (table {@code dead_letter_entry}) so
 * that a person can see what failed and why, and have the projection handle them again once the cause is fixed —
 * the same visibility the Kafka dead letters have ({@code /api/dead-letters}).
 *
 * <p>Axon parks a failed event together with every later event of the same sequence (the same aggregate), so a
 * projection never applies an aggregate's events out of order. Replaying therefore works on a whole sequence, oldest
 * first; whatever fails again stays parked.
 */
public class EventHandlerDeadLetters {

    private final EventProcessingConfiguration processing;
    private final TransactionManager transactions;
    private final Set<String> groups;

    public EventHandlerDeadLetters(EventProcessingConfiguration processing, TransactionManager transactions,
                                   Set<String> deadLetteringGroups) {
        this.processing = processing;
        this.transactions = transactions;
        this.groups = new TreeSet<>(deadLetteringGroups);
    }

    /** One parked event: where it is parked, what it was, and why its handler failed. */
    public record Letter(String processingGroup, String id, String sequence, long index, String eventId,
                         String eventType, String aggregateId, Long aggregateSequence, Instant occurredAt,
                         String causeType, String causeMessage, Instant enqueuedAt, Instant lastTouched,
                         Object payload) {
    }

    /** What a replay did to a sequence: whether all of it was handled now, and how many events are still parked. */
    public record Replay(String processingGroup, String sequence, boolean handled, long stillParked) {
    }

    /** The processing groups that park failed events instead of stopping. */
    public Set<String> processingGroups() {
        return groups;
    }

    public List<Letter> list() {
        List<Letter> letters = new ArrayList<>();
        for (String group : groups) {
            queue(group).ifPresent(queue -> transactions.executeInTransaction(() -> queue.deadLetters()
                    .forEach(sequence -> sequence.forEach(letter -> letters.add(letter(group, letter))))));
        }
        letters.sort(Comparator.comparing(Letter::enqueuedAt).thenComparing(Letter::index));
        return letters;
    }

    public Optional<Letter> find(String group, String id) {
        return list().stream().filter(l -> l.processingGroup().equals(group) && l.id().equals(id)).findFirst();
    }

    /** Hands the letter's whole sequence, oldest first, to the projection again. */
    public Replay replay(String group, String id) {
        Letter letter = find(group, id).orElseThrow(() -> notFound(group, id));
        boolean handled = processing.sequencedDeadLetterProcessor(group)
                .orElseThrow(() -> notFound(group, id))
                .process(head -> head instanceof JpaDeadLetter<?> jpa
                        && letter.sequence().equals(jpa.getSequenceIdentifier()));
        long left = queue(group).map(queue -> transactions.fetchInTransaction(
                () -> queue.sequenceSize(letter.sequence()))).orElse(0L);
        return new Replay(group, letter.sequence(), handled && left == 0, left);
    }

    private Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue(String group) {
        return groups.contains(group) ? processing.deadLetterQueue(group) : Optional.empty();
    }

    private static RuleViolation notFound(String group, String id) {
        return RuleViolation.notFound("dead-letter-not-found", group + "/" + id);
    }

    private static Letter letter(String group, DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> event = letter.message();
        JpaDeadLetter<?> stored = (JpaDeadLetter<?>) letter;
        DomainEventMessage<?> domain = event instanceof DomainEventMessage<?> d ? d : null;
        return new Letter(group, stored.getId(), stored.getSequenceIdentifier(), stored.getIndex(),
                event.getIdentifier(), event.getPayloadType().getSimpleName(),
                domain == null ? null : domain.getAggregateIdentifier(),
                domain == null ? null : domain.getSequenceNumber(), event.getTimestamp(),
                letter.cause().map(Cause::type).orElse(null), letter.cause().map(Cause::message).orElse(null),
                letter.enqueuedAt(), letter.lastTouched(), event.getPayload());
    }
}
