package vn.ntm.testing;

import org.springframework.context.ApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.ntm.support.messaging.EventCodec;
import vn.ntm.testing.identity.DemoUser;

/**
 * The service a {@link ServiceIntegrationTest} started, as its tests reach it: over HTTP on its random port, its
 * database, the embedded Kafka broker and the codec of the integration events. Declare it as a constructor or method
 * parameter; {@link ServiceUnderTestResolver} hands it over.
 */
public final class ServiceUnderTest {

    private final ApplicationContext context;

    ServiceUnderTest(ApplicationContext context) {
        this.context = context;
    }

    /** The port the service listens on ({@code @LocalServerPort}). */
    public int port() {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    public String baseUrl() {
        return "http://localhost:" + port();
    }

    /** A client sending no token. */
    public JsonHttp anonymous() {
        return new JsonHttp(baseUrl());
    }

    /** A client acting as {@link TestIdentity#OPERATOR}, who may do everything. */
    public JsonHttp http() {
        return anonymous().asOperator();
    }

    /** A client acting as a person of {@code role} whose scope is {@code unit}, named {@code role@unit}. */
    public JsonHttp as(String role, String unit) {
        return as(DemoUser.of(role + "@" + unit, role, unit));
    }

    public JsonHttp as(DemoUser user) {
        return anonymous().withToken(TestIdentity.issuer().token(user));
    }

    /**
     * This context's embedded Kafka broker's bootstrap servers. Not the {@code spring.embedded.kafka.brokers} property:
     * it is a JVM-wide system property that the broker of the context started last overwrites, so a cached context
     * used after another would send its test records to the other's broker.
     */
    public String brokers() {
        return context.getBean(EmbeddedKafkaBroker.class).getBrokersAsString();
    }

    public JdbcTemplate jdbc() {
        return context.getBean(JdbcTemplate.class);
    }

    public EventCodec codec() {
        return context.getBean(EventCodec.class);
    }

    public ApplicationContext context() {
        return context;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }
}
