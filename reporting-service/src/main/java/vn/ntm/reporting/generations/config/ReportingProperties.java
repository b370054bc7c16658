package vn.ntm.reporting.generations.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * reporting-service's own settings ({@code ntm.reporting.*}; application.yml states their defaults).
 *
 * @param brokers     the Kafka brokers a replay reads history from: those of the consumer bindings
 *                    ({@code spring.cloud.stream.kafka.binder.brokers}) unless set; without them no replay can start
 * @param replayLease how long a running replay's lease lasts without being renewed (the runner renews it every
 *                    second): once it has expired, the instance is taken for dead and another may start a replay
 *                    (the instance's name in {@code replay_run.owner_instance} is service-support's {@code InstanceId})
 */
@Validated
@ConfigurationProperties("ntm.reporting")
public record ReportingProperties(@NotBlank String brokers,
                                  @NotNull @DefaultValue("15s") Duration replayLease) {
}
