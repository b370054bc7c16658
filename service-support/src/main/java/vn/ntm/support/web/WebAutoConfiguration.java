package vn.ntm.support.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import vn.ntm.support.security.AccessGuard;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;

@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
public class WebAutoConfiguration {

    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    /** Calendar dates are Vietnam's: "today" and "a date in the future" are decided in this zone. */
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /** Problem texts: the service's own {@code problems} bundle first, then the shared {@code ntm-problems}. */
    @Bean
    MessageSource problemMessages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("problems", "ntm-problems");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    /**
     * Reading JSON strictly where leniency would change a figure: a key given twice is refused (Jackson would keep the
     * last one silently), and so is a fraction for a whole number (Jackson would truncate 1.5 to 1). Both become
     * problem details naming the field ({@link ProblemHandler}). Unknown properties stay ignored, so that older and
     * newer clients interoperate.
     */
    @Bean
    JsonMapperBuilderCustomizer strictJsonReading() {
        return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }

    @Bean
    ProblemHandler problemHandler(MessageSource problemMessages) {
        return new ProblemHandler(problemMessages);
    }

    @Bean
    RequestBodyLimit requestBodyLimit() {
        return new RequestBodyLimit();
    }

    @Bean
    UnstorableValues unstorableValues() {
        return new UnstorableValues();
    }

    @Bean
    QueryAndAcceptChecks queryAndAcceptChecks() {
        return new QueryAndAcceptChecks();
    }

    @Bean
    ContainerProblemValve.Installer containerProblemValve(MessageSource problemMessages) {
        return new ContainerProblemValve.Installer(problemMessages);
    }

    /** Vietnamese unless the client asks for English with {@code Accept-Language: en}. */
    @Bean
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
        resolver.setDefaultLocale(VIETNAMESE);
        resolver.setSupportedLocales(List.of(VIETNAMESE, Locale.ENGLISH));
        return resolver;
    }

    /** The system clock in Vietnam's zone, so {@code LocalDate.now(clock)} is the date in Vietnam. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.system(VIETNAM);
    }

    /**
     * Instants in request parameters ({@code knownAt}) read as {@link InstantParameter} says: an ISO instant, an ISO
     * date-time with offset, or a plain date meaning the end of that day in Vietnam. Registered after Spring's own
     * formatters, so it is the one used, with or without {@code @DateTimeFormat}.
     */
    @Bean
    WebMvcConfigurer instantParameters() {
        return new WebMvcConfigurer() {
            @Override
            public void addFormatters(FormatterRegistry registry) {
                registry.addFormatterForFieldType(Instant.class, new InstantParameter());
            }
        };
    }

    @Bean
    ActorResolver actorResolver(AccessGuard accessGuard) {
        return new ActorResolver(accessGuard);
    }
}
