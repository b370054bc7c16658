package vn.ntm.testing;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * A second instance of the service a {@link ServiceIntegrationTest} started, in the same JVM: its own Spring context
 * on its own random port, on the first one's database and broker and verifying the same test issuer's tokens, as a
 * second process of the service would run beside the first (docs/adr/0017). The first instance's context owns the
 * database (and drops it when it closes), so close this one first: {@code try (AnotherInstance second = ...)}, or in
 * an {@code @AfterEach}.
 */
public final class AnotherInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private AnotherInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /**
     * Starts {@code application} beside {@code first}; {@code properties} ({@code key=value}) are added to the ones
     * that point it at the first one's database, broker and issuer, and override the service's own files as command
     * line arguments do.
     */
    public static AnotherInstance beside(ServiceUnderTest first, Class<?> application, String... properties) {
        Environment env = first.context().getEnvironment();
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + env.getRequiredProperty("spring.datasource.url"),
                "--spring.datasource.username=" + env.getProperty("spring.datasource.username", ""),
                "--spring.datasource.password=" + env.getProperty("spring.datasource.password", ""),
                "--spring.cloud.stream.kafka.binder.brokers=" + first.brokers(),
                "--spring.embedded.kafka.brokers=" + first.brokers()));
        TestIdentity.serviceProperties().forEach(p -> args.add("--" + p));
        for (String property : properties) {
            args.add("--" + property);
        }
        return new AnotherInstance(new SpringApplicationBuilder(application).run(args.toArray(String[]::new)));
    }

    /** This instance as the tests reach the first: over HTTP on its port, its beans. */
    public ServiceUnderTest service() {
        return new ServiceUnderTest(context);
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public boolean isRunning() {
        return context.isActive();
    }

    @Override
    public void close() {
        if (context.isActive()) {
            context.close();
        }
    }
}
