package vn.ntm.reporting.generations.config;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * reporting-service's own settings ({@code ntm.reporting.*}; application.yml states their defaults).
 *
 * @param brokers the Kafka brokers a replay reads history from: those of the consumer bindings
 *                ({@code spring.cloud.stream.kafka.binder.brokers}) unless set; without them no replay can start
 */
@Validated
@ConfigurationProperties("ntm.reporting")
public record ReportingProperties(@NotBlank String brokers) {
}
