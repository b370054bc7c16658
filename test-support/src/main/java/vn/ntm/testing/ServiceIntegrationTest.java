package vn.ntm.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ContextConfiguration;

/**
 * A service started whole on a random port, against a fresh PostgreSQL database of its own ({@link FreshDatabase})
 * and a real Kafka broker (embedded KRaft) with the platform's topics, verifying tokens of the tests' own
 * issuer ({@link TestIdentity}). No mock stands in for any of them. A test declares a {@link ServiceUnderTest}
 * parameter (its constructor's, usually) to reach the service, its database, the broker and the event codec.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}")
@EmbeddedKafka(partitions = 2, topics = {"ntm.units", "ntm.criteria"})
@ContextConfiguration(initializers = {FreshDatabase.class, TestIdentity.class})
@ExtendWith(ServiceUnderTestResolver.class)
public @interface ServiceIntegrationTest {
}
