package vn.ntm.reporting.instances;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.ntm.reporting.ReportingServiceApplication;
import vn.ntm.testing.JsonHttp;
import vn.ntm.testing.TestDatabases;
import vn.ntm.testing.TestIdentity;

/**
 * One reporting-service instance of several in the test JVM: a whole application context of its own on a random
 * port, on the database and broker it shares with the others (what {@code @ServiceIntegrationTest} sets up for one
 * instance, with the same test identity), named by {@code ntm.instances.id}.
 */
final class ReportingInstance implements AutoCloseable {

    private final String name;
    private final ConfigurableApplicationContext context;

    private ReportingInstance(String name, ConfigurableApplicationContext context) {
        this.name = name;
        this.context = context;
    }

    /** Starts an instance; command-line arguments, so they win over application.yml's defaults. */
    static ReportingInstance start(String name, String jdbcUrl, String brokers, Duration replayLease) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=" + TestDatabases.server().user(),
                "--spring.datasource.password=",
                "--spring.cloud.stream.kafka.binder.brokers=" + brokers,
                "--ntm.instances.id=" + name,
                "--ntm.reporting.replay-lease=" + replayLease.toMillis() + "ms"));
        TestIdentity.serviceProperties().forEach(p -> args.add("--" + p));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ReportingServiceApplication.class)
                .run(args.toArray(String[]::new));
        return new ReportingInstance(name, context);
    }

    String name() {
        return name;
    }

    String baseUrl() {
        return "http://localhost:" + context.getEnvironment().getRequiredProperty("local.server.port");
    }

    /** A client acting as the operator (every role, the whole platform). */
    JsonHttp http() {
        return new JsonHttp(baseUrl()).asOperator();
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    boolean running() {
        return context.isActive();
    }

    /** Opens the live feed as the operator; its lines are collected until {@link Dashboard#close()}. */
    Dashboard dashboard() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/feed"))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + TestIdentity.operatorToken()).build();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines()).get(30, TimeUnit.SECONDS);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("feed of " + name + " answered " + response.statusCode());
        }
        Dashboard dashboard = new Dashboard(response);
        Thread reader = new Thread(() -> response.body().forEach(dashboard.lines::add), "sse-" + name);
        reader.setDaemon(true);
        reader.start();
        return dashboard;
    }

    @Override
    public void close() {
        if (context.isActive()) {
            context.close();
        }
    }

    /** An open dashboard: the server-sent event lines it received. */
    static final class Dashboard implements AutoCloseable {

        private final HttpResponse<Stream<String>> response;
        private final List<String> lines = new CopyOnWriteArrayList<>();

        private Dashboard(HttpResponse<Stream<String>> response) {
            this.response = response;
        }

        /** The ids of the {@code update} events received, in their order, repeats included. */
        List<String> updateIds() {
            return lines.stream().filter(l -> l.startsWith("id:")).map(l -> l.substring(3).trim()).toList();
        }

        @Override
        public void close() {
            response.body().close();
        }
    }
}
