package vn.ntm.support.web;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
public class WebAutoConfiguration {

    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    /** Problem texts: the service's own {@code problems} bundle first, then the shared {@code ntm-problems}. */
    @Bean
    MessageSource problemMessages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("problems", "ntm-problems");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    @Bean
    ProblemHandler problemHandler(MessageSource problemMessages) {
        return new ProblemHandler(problemMessages);
    }

    /** Vietnamese unless the client asks for English with {@code Accept-Language: en}. */
    @Bean
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
        resolver.setDefaultLocale(VIETNAMESE);
        resolver.setSupportedLocales(List.of(VIETNAMESE, Locale.ENGLISH));
        return resolver;
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ActorResolver actorResolver() {
        return new ActorResolver();
    }
}
