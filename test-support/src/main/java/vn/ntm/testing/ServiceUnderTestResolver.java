package vn.ntm.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Hands a {@link ServiceIntegrationTest} its {@link ServiceUnderTest} (constructor, test or lifecycle method
 * parameter), built on the Spring context the test runs against; registered by the annotation.
 */
public final class ServiceUnderTestResolver implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == ServiceUnderTest.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        return new ServiceUnderTest(SpringExtension.getApplicationContext(extension));
    }
}
