package vn.ntm.testing;

import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a test context at a database created for it alone, named after the service, and drops that database when
 * the context closes — after every other bean of the context is destroyed (connection pools, Axon processors, Kafka
 * consumers), since a disposable bean registered before the context refreshes is destroyed last. A CI run would
 * otherwise leave a dozen {@code *_it_*} databases behind.
 */
public class FreshDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private final TestPostgres server;

    public FreshDatabase() {
        this(null);
    }

    /** On the given server instead of the test JVM's ({@link TestDatabases#server()}). */
    FreshDatabase(TestPostgres server) {
        this.server = server;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPostgres postgres = server != null ? server : TestDatabases.server();
        String service = context.getEnvironment().getProperty("spring.application.name", "service");
        String database = postgres.createDatabase(service.replace("-service", "").replace('-', '_') + "_it");
        if (context.getBeanFactory() instanceof DefaultSingletonBeanRegistry registry) {
            registry.registerDisposableBean(FreshDatabase.class.getName() + "#" + database,
                    () -> postgres.dropDatabase(database));
        }
        TestPropertyValues.of("spring.datasource.url=" + postgres.jdbcUrl(database),
                "spring.datasource.username=" + postgres.user(), "spring.datasource.password=").applyTo(context);
    }
}
