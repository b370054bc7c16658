package vn.ntm.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oauth2Login;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.sun.net.httpserver.HttpServer;
import jakarta.servlet.Filter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.util.WebUtils;

/**
 * Several instances behind one prefix, with real HTTP servers as the instances: criteria-service as two small servers
 * that answer with their name, village-service as one server that reads a request and then resets the connection
 * (listed twice, so a retry would reach it again), reporting-service as a closed port.
 */
@SpringBootTest(properties = {
        "NTM_PORTAL_PROVIDER=ntm-split",
        "NTM_IDENTITY_AUTHORIZATION_URI=http://provider.invalid/authorize",
        "NTM_IDENTITY_TOKEN_URI=http://provider.invalid/token",
        "NTM_IDENTITY_JWK_SET_URI=http://provider.invalid/jwks",
        "NTM_IDENTITY_USER_INFO_URI=http://provider.invalid/userinfo",
        "NTM_PORTAL_REPORTING_URL=http://127.0.0.1:9"})
class FailoverTest {

    private static final Instance FIRST = new Instance("first");
    private static final Instance SECOND = new Instance("second");
    private static final ResettingInstance RESETTING = new ResettingInstance();
    private static final String FIRST_EVENT = "event:changed\ndata:{\"unit\":\"u-1\"}\n\n";
    private static final String SECOND_EVENT = "event:changed\ndata:{\"unit\":\"u-2\"}\n\n";
    /** Lets an instance's feed send its second event. */
    private static final CountDownLatch FEED_GO_ON = new CountDownLatch(1);

    @Autowired
    WebApplicationContext context;

    @Autowired
    ClientRegistrationRepository registrations;

    @BeforeAll
    static void start() {
        FIRST.server.start();
        SECOND.server.start();
        RESETTING.start();
    }

    @AfterAll
    static void stop() throws IOException {
        FIRST.server.stop(0);
        SECOND.server.stop(0);
        RESETTING.socket.close();
    }

    @DynamicPropertySource
    static void instances(DynamicPropertyRegistry registry) {
        registry.add("ntm.portal.criteria-urls", () -> FIRST.url() + "," + SECOND.url());
        registry.add("ntm.portal.village-urls", () -> RESETTING.url() + "," + RESETTING.url());
    }

    private RequestBuilder signedIn(MockHttpServletRequestBuilder request) {
        return request.with(oauth2Login().clientRegistration(registrations.findByRegistrationId("ntm")))
                .with(csrf()).with(FailoverTest::likeAServer);
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        return mvc.perform(signedIn(request)).andReturn().getResponse();
    }

    /**
     * A request without a body reads as finished, as on Tomcat; a mock request's empty stream does not until read, and
     * the gateway would then send a GET with an empty body.
     */
    private static MockHttpServletRequest likeAServer(MockHttpServletRequest request) {
        if (request.getContentLength() <= 0) {
            try {
                request.getInputStream().readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return request;
    }

    private MockHttpServletResponse postMeasurement(String prefix, int n) throws Exception {
        return send(post(prefix + "/api/units/u-1/measurements").contentType(MediaType.APPLICATION_JSON)
                .content("{\"n\":" + n + "}"));
    }

    /**
     * Catches a portal that sends everything to one instance (the single-URL route), loses a request when an
     * instance stops (no retry, or a retry that does not choose again), resends a write without its body, or drops the
     * user's token on the way.
     */
    @Test
    void requestsSpreadOverTheInstancesAndAllSucceedWhenOneStops() throws Exception {
        long bothUp = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            assertThat(send(get("/criteria/api/units")).getStatus()).isEqualTo(200);
        }
        bothUp = System.nanoTime() - bothUp;
        assertThat(FIRST.received).hasSizeGreaterThanOrEqualTo(3);
        assertThat(SECOND.received).hasSizeGreaterThanOrEqualTo(3);
        assertThat(FIRST.authorizations).allSatisfy(token -> assertThat(token).startsWith("Bearer "));

        SECOND.server.stop(0); // its port now refuses connections
        int before = FIRST.received.size();
        long oneStopped = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            MockHttpServletResponse read = send(get("/criteria/api/units"));
            assertThat(read.getStatus()).isEqualTo(200);
            assertThat(read.getContentAsString()).isEqualTo("first");
            MockHttpServletResponse write = postMeasurement("/criteria", i);
            assertThat(write.getStatus()).isEqualTo(200);
            assertThat(FIRST.bodies).contains("POST /api/units/u-1/measurements {\"n\":" + i + "}");
        }
        oneStopped = System.nanoTime() - oneStopped;
        assertThat(FIRST.received.size() - before).isEqualTo(20);
        // a figure, not a test of speed: what trying the stopped instance first costs a request
        System.out.printf("portal relay: %.1f ms a request with both instances up, %.1f ms with one stopped%n",
                bothUp / 10 / 1e6, oneStopped / 20 / 1e6);
    }

    /**
     * Catches a write sent again after it reached an instance that then broke the connection (it could be applied
     * twice), and an answer that claims nothing was done. Reads, which change nothing, are tried again.
     */
    @Test
    void aWriteThatReachedAnInstanceIsNotSentAgain() throws Exception {
        int before = RESETTING.requests.get();
        MockHttpServletResponse write = postMeasurement("/village", 1);
        assertThat(RESETTING.requests.get() - before).isEqualTo(1);
        assertThat(write.getStatus()).isEqualTo(503);
        assertThat(write.getContentType()).startsWith("application/problem+json");
        assertThat(write.getContentAsString(StandardCharsets.UTF_8))
                .contains("urn:ntm:problem:outcome-unknown", "Không rõ yêu cầu đã được thực hiện");

        int beforeRead = RESETTING.requests.get();
        assertThat(send(get("/village/api/units")).getStatus()).isEqualTo(503);
        // tried again (the JDK's client also retries a GET once by itself, so each attempt may count twice)
        assertThat(RESETTING.requests.get() - beforeRead).isGreaterThan(1);
    }

    /** Catches a 500 with a stack trace, or an English-only message, when no instance of a service is reachable. */
    @Test
    void noInstanceAnsweringIsA503ProblemInVietnamese() throws Exception {
        MockHttpServletResponse response = postMeasurement("/reporting", 1);
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString(StandardCharsets.UTF_8))
                .contains("\"type\":\"urn:ntm:problem:service-unavailable\"",
                        "\"title\":\"Dịch vụ tạm thời không trả lời\"", "Yêu cầu chưa được thực hiện");
        assertThat(send(get("/reporting/api/units").header("Accept-Language", "en")).getContentAsString())
                .contains("Nothing was done");
    }

    /**
     * Catches a relay that buffers the live feed (server-sent events) until the stream ends: the instance sends its
     * second event only after the browser's side has received the first.
     */
    @Test
    void theLiveFeedStreamsThrough() throws Exception {
        AtomicReference<MockHttpServletResponse> browser = new AtomicReference<>();
        Filter capture = (request, response, chain) -> {
            browser.set(WebUtils.getNativeResponse(response, MockHttpServletResponse.class));
            chain.doFilter(request, response);
        };
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).addFilters(capture).apply(springSecurity()).build();
        CompletableFuture<MockHttpServletResponse> feed = CompletableFuture.supplyAsync(() -> {
            try {
                return mvc.perform(signedIn(get("/criteria/api/feed").accept(MediaType.TEXT_EVENT_STREAM)))
                        .andReturn().getResponse();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> browser.get() != null
                && browser.get().getContentAsString().contains(FIRST_EVENT));
        FEED_GO_ON.countDown();
        MockHttpServletResponse done = feed.get(20, TimeUnit.SECONDS);
        assertThat(done.getStatus()).isEqualTo(200);
        assertThat(done.getContentType()).startsWith("text/event-stream");
        assertThat(done.getContentAsString()).isEqualTo(FIRST_EVENT + SECOND_EVENT);
    }

    /** One instance: answers 200 with its name (an event stream on /api/feed) and keeps what it received. */
    private static final class Instance {
        final String name;
        final HttpServer server;
        final List<String> received = new CopyOnWriteArrayList<>();
        final List<String> bodies = new CopyOnWriteArrayList<>();
        final List<String> authorizations = new CopyOnWriteArrayList<>();

        Instance(String name) {
            this.name = name;
            try {
                this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.setExecutor(Executors.newCachedThreadPool()); // a held feed does not stop other requests
            server.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String path = exchange.getRequestURI().getPath();
                received.add(exchange.getRequestMethod() + " " + path);
                bodies.add(exchange.getRequestMethod() + " " + path + " " + body);
                authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
                if (path.equals("/api/feed")) {
                    exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
                    exchange.sendResponseHeaders(200, 0); // chunked: a stream without a known end
                    exchange.getResponseBody().write(FIRST_EVENT.getBytes(StandardCharsets.UTF_8));
                    exchange.getResponseBody().flush();
                    try {
                        FEED_GO_ON.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    exchange.getResponseBody().write(SECOND_EVENT.getBytes(StandardCharsets.UTF_8));
                    exchange.close();
                    return;
                }
                byte[] answer = name.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/plain");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }
    }

    /** An instance that reads a whole request, then resets the connection without answering. */
    private static final class ResettingInstance {
        final ServerSocket socket;
        final AtomicInteger requests = new AtomicInteger();

        ResettingInstance() {
            try {
                this.socket = new ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        void start() {
            Thread acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket connection = socket.accept()) {
                        readRequest(connection.getInputStream());
                        requests.incrementAndGet();
                        connection.setSoLinger(true, 0); // close with RST
                    } catch (IOException closed) {
                        // the test ended
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
        }

        private static void readRequest(InputStream in) throws IOException {
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int c = in.read();
                if (c < 0) {
                    return;
                }
                head.append((char) c);
            }
            for (String line : head.toString().split("\r\n")) {
                if (line.toLowerCase().startsWith("content-length:")) {
                    in.readNBytes(Integer.parseInt(line.substring(15).strip()));
                }
            }
        }

        String url() {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
    }
}
