package vn.ntm.support.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.axonframework.springboot.updates.UpdateCheckConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Axon 4.12+ reports anonymous usage data to AxonIQ every minute unless told not to; where no outside host answers
 * the service log said "Failed to report anonymous usage data" each time. The service's own configuration turns it
 * off, under the property Axon's Spring Boot configuration binds ({@code axon.update-check.disabled}), in the
 * defaults every service shares ({@code ntm-defaults.yml}). Fails on the old configuration, which did not set it (the
 * test suite itself never starts the checker: Axon skips it in tests).
 */
class AxonUsageReportingTest {

    @Test
    void anonymousUsageReportingIsTurnedOffInTheServiceConfiguration() throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader().load("ntm-defaults.yml", new ClassPathResource("ntm-defaults.yml"))
                .forEach(environment.getPropertySources()::addLast);

        UpdateCheckConfiguration updateCheck = Binder.get(environment)
                .bind("axon.update-check", UpdateCheckConfiguration.class).orElseGet(UpdateCheckConfiguration::new);

        assertThat(updateCheck.getDisabled()).isTrue();
    }
}
