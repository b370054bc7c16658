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
 */
@Validated
@ConfigurationProperties("ntm")
public record SupportProperties(@Valid @DefaultValue Messaging messaging, @Valid @DefaultValue Security security,
                                @DefaultValue List<String> deadLetterTopics) {

    /** The property the Kafka binder reads its brokers from; its default is in ntm-defaults.yml. */
    public static final String KAFKA_BROKERS = "spring.cloud.stream.kafka.binder.brokers";

    /**
     * @param ackTimeout how long a send may go without Kafka's answer before it counts as refused; above the
     *                   producer's {@code delivery.timeout.ms}
     */
    public record Messaging(@NotNull @DefaultValue("30s") Duration ackTimeout) {
    }

    /** @param audience the {@code aud} a token must carry to be meant for this platform */
    public record Security(@NotBlank @DefaultValue("ntm-platform") String audience) {
    }
}
