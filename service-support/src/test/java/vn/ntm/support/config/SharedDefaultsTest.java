package vn.ntm.support.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class SharedDefaultsTest {

    private final StandardEnvironment environment = new StandardEnvironment();

    @Test
    void aSharedValueAppliesWhereTheServiceSaysNothing() {
        new SharedDefaults().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("management.endpoints.web.exposure.include"))
                .isEqualTo("health,info,metrics");
        assertThat(environment.getProperty(SupportProperties.KAFKA_BROKERS)).isEqualTo("127.0.0.1:9092");
    }

    /** A shared file read in front of the service's (as spring.config.import would be) fails this test. */
    @Test
    void theServicesOwnValueOverridesTheSharedOne() {
        environment.getPropertySources().addLast(new MapPropertySource("application.yml", Map.of(
                "spring.cloud.stream.kafka.binder.producer-properties.max.block.ms", "5000")));
        new SharedDefaults().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("spring.cloud.stream.kafka.binder.producer-properties.max.block.ms"))
                .isEqualTo("5000");
        assertThat(environment.getProperty("spring.cloud.stream.kafka.binder.producer-properties.enable.idempotence"))
                .isEqualTo("true");
    }

    @Test
    void supportPropertiesHaveTheirDefaultsWhenNothingIsSet() {
        SupportProperties properties = Binder.get(environment).bindOrCreate("ntm", SupportProperties.class);
        assertThat(properties.messaging().ackTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.security().audience()).isEqualTo("ntm-platform");
        assertThat(properties.deadLetterTopics()).isEmpty();
    }

    @Test
    void supportPropertiesReadWhatAServiceSets() {
        environment.getPropertySources().addFirst(new MapPropertySource("service", Map.of(
                "ntm.dead-letter-topics", "ntm.units.dlq.reporting,ntm.criteria.dlq.reporting",
                "ntm.messaging.ack-timeout", "5s")));
        SupportProperties properties = Binder.get(environment).bindOrCreate("ntm", SupportProperties.class);
        assertThat(properties.deadLetterTopics()).containsExactly("ntm.units.dlq.reporting", "ntm.criteria.dlq.reporting");
        assertThat(properties.messaging().ackTimeout()).isEqualTo(Duration.ofSeconds(5));
    }
}
