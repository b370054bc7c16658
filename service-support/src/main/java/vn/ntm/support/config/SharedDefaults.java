package vn.ntm.support.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Puts {@value #LOCATION} (what the three services' configurations share) behind everything else in the environment,
 * so that a service's application.yml, environment variables and test properties override it. Not
 * {@code spring.config.import}: an imported file takes precedence over the file that imports it, so a service could
 * not override a shared value in its own application.yml. Registered in {@code META-INF/spring.factories}.
 */
public class SharedDefaults implements EnvironmentPostProcessor {

    static final String LOCATION = "ntm-defaults.yml";
    static final String NAME = "ntm-defaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(NAME)) {
            return;
        }
        try {
            List<PropertySource<?>> loaded = new YamlPropertySourceLoader()
                    .load(NAME, new ClassPathResource(LOCATION, SharedDefaults.class.getClassLoader()));
            loaded.forEach(environment.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + LOCATION, e);
        }
    }
}
