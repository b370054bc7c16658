package vn.ntm.support.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * service-support's settings, under {@code ntm} (a service's own record binds its own keys under the same prefix);
 * each default is stated here once.
 *
 * @param messaging         the publishing side of Kafka
 * @param security          the tokens a service accepts
 * @param deadLetterTopics  the dead-letter topics of the service's consumers, listed and replayed by
 *                          {@code /api/dead-letters}; none in a service that consumes nothing
 * @param instances         how the instances of a service share their work (docs/adr/0017)
 * @param storeCheck        which topic belongs to the service's event store, and which topics it rebuilds from
 *                          (docs/adr/0019)
 */
@Validated
@ConfigurationProperties("ntm")
public record SupportProperties(@Valid @DefaultValue Messaging messaging, @Valid @DefaultValue Security security,
                                @DefaultValue List<String> deadLetterTopics, @Valid @DefaultValue Instances instances,
                                @Valid @DefaultValue StoreCheck storeCheck) {

    /** The property the Kafka binder reads its brokers from; its default is in ntm-defaults.yml. */
    public static final String KAFKA_BROKERS = "spring.cloud.stream.kafka.binder.brokers";

    /**
     * @param ackTimeout how long a send may go without Kafka's answer before it counts as refused; above the
     *                   producer's {@code delivery.timeout.ms}
     */
    public record Messaging(@NotNull @DefaultValue("30s") Duration ackTimeout) {
    }

    /**
     * @param id           this instance's name in the token store's claims, {@code service_instance} and ShedLock's
     *                     {@code locked_by}; empty: {@code <pid>@<host>/<random>}, unique even for two instances in
     *                     one JVM (a test's)
     * @param balanceEvery how often an instance says it is alive and gives up the streaming segments above its fair
     *                     share
     * @param staleAfter   an instance silent for longer counts as gone; shorter than the token claim timeout, so that
     *                     a dead instance has left the count before its segments can be claimed
     * @param releaseFor   how long a segment given up is left for the other instances to claim; longer than the
     *                     processors' token claim interval
     */
    public record Instances(@DefaultValue("") String id, @NotNull @DefaultValue("2s") Duration balanceEvery,
                            @NotNull @DefaultValue("6s") Duration staleAfter,
                            @NotNull @DefaultValue("6s") Duration releaseFor) {
    }

    /** @param audience the {@code aud} a token must carry to be meant for this platform */
    public record Security(@NotBlank @DefaultValue("ntm-platform") String audience) {
    }

    /**
     * @param topic        the topic the service's event store publishes to (its kafka-publisher); none in a service
     *                     without an event store
     * @param historiesOf  the topics a service rebuilds from, checked for the events of more than one event store
     * @param timeout      how long Kafka may take to answer the check
     * @param recheckAfter how old a verdict may be before readiness reaches it again
     */
    public record StoreCheck(String topic, @DefaultValue List<String> historiesOf,
                             @NotNull @DefaultValue("10s") Duration timeout,
                             @NotNull @DefaultValue("60s") Duration recheckAfter) {
    }
}
