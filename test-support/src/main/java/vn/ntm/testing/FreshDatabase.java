package vn.ntm.testing;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points a test context at a database created for it alone, named after the service. */
public class FreshDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String service = context.getEnvironment().getProperty("spring.application.name", "service");
        String url = TestDatabases.create(service.replace("-service", "").replace('-', '_') + "_it");
        TestPropertyValues.of("spring.datasource.url=" + url, "spring.datasource.username=" + TestDatabases.USER,
                "spring.datasource.password=").applyTo(context);
    }
}
