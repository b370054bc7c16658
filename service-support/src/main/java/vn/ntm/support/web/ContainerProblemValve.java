package vn.ntm.support.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat refuses some requests before any servlet sees them (an invalid URL: {@code %2F}, {@code %00}, bytes that
 * are not UTF-8) and renders the refusal with the host's error report valve, as HTML. This valve renders it as a
 * problem detail instead, in Vietnamese unless {@code Accept-Language} asks for English. {@link Installer} puts it on
 * the host.
 */
public final class ContainerProblemValve extends ErrorReportValve {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MessageSource problems;

    public ContainerProblemValve(MessageSource problems) {
        this.problems = problems;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        Locale locale = locale(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        String type = status == 404 ? "not-found" : status < 500 ? "bad-request" : "internal-error";
        Object arg = status == 404 ? request.getRequestURI() : status;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", ProblemHandler.TYPE_PREFIX + type);
        body.put("title", problems.getMessage("title." + type, null, type, locale));
        body.put("status", status);
        body.put("detail", problems.getMessage("problem." + type, new Object[] {arg}, type, locale));
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(JSON.writeValueAsString(body));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the answer already started: nothing more can be said
        }
    }

    /** As the services resolve it: English when asked for first, otherwise Vietnamese. */
    static Locale locale(String acceptLanguage) {
        if (acceptLanguage != null) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                    String language = range.getRange().split("-")[0];
                    if (language.equals("en")) {
                        return Locale.ENGLISH;
                    }
                    if (language.equals("vi")) {
                        return WebAutoConfiguration.VIETNAMESE;
                    }
                }
            } catch (IllegalArgumentException e) {
                // a malformed header: the default language
            }
        }
        return WebAutoConfiguration.VIETNAMESE;
    }

    /** Adds the valve to the host, after Spring Boot's own error report valve (order 0), so that it answers first. */
    public static final class Installer
            implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

        private final MessageSource problems;

        public Installer(MessageSource problems) {
            this.problems = problems;
        }

        @Override
        public void customize(ConfigurableTomcatWebServerFactory factory) {
            factory.addContextCustomizers(context -> context.getParent().getPipeline()
                    .addValve(new ContainerProblemValve(problems)));
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
