package vn.ntm.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DemoLoaderTest {

    /** What the stand-in service received, one line per request. */
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger unitLookups = new AtomicInteger();
    private HttpServer server;
    private DemoLoader loader;

    @BeforeEach
    void startStandInService() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/units/existing", exchange -> respond(exchange, 409, "{\"title\":\"exists\"}"));
        server.createContext("/api/units/xa-song-van",
                // Not known at first, as when criteria-service has not yet read the unit from Kafka.
                exchange -> respond(exchange, unitLookups.incrementAndGet() < 3 ? 404 : 200, "{}"));
        server.createContext("/api/units", exchange -> respond(exchange, 201, "{}"));
        server.createContext("/api/criteria-sets", exchange -> respond(exchange, 201, "{}"));
        server.createContext("/api/broken", exchange -> respond(exchange, 500, "{\"detail\":\"database on fire\"}"));
        server.start();
        String baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        loader = new DemoLoader(Map.of("village", baseUrl, "criteria", baseUrl), () -> "operator-machine-token",
                user -> "token-of-" + user);
    }

    @AfterEach
    void stopStandInService() {
        server.stop(0);
    }

    @Test
    void createdAndConflictBothCountAsDone() {
        DemoLoader.Summary summary = loader.load("demo-loader/happy.json");

        assertThat(summary).isEqualTo(new DemoLoader.Summary(2, 1));
        assertThat(received).containsExactly(
                "POST /api/units application/json Bearer token-of-can-bo-song-van "
                        + "{\"id\":\"xa-song-van\",\"name\":\"Song Vân\"}",
                "POST /api/units/existing application/json Bearer operator-machine-token {\"id\":\"xa-song-van\"}",
                "GET /api/units/xa-song-van null Bearer operator-machine-token ",
                "GET /api/units/xa-song-van null Bearer operator-machine-token ",
                "GET /api/units/xa-song-van null Bearer operator-machine-token ",
                "POST /api/criteria-sets application/yaml Bearer operator-machine-token code: TEST-SET\n"
                        + "name: \"Bộ tiêu chí thử\"\n");
    }

    @Test
    void aServerErrorAbortsTheLoadWithTheResponseBody() {
        assertThatThrownBy(() -> loader.load("demo-loader/broken.json"))
                .hasMessageContaining("step 2")
                .hasMessageContaining("POST /api/broken")
                .hasMessageContaining("HTTP 500")
                .hasMessageContaining("database on fire");
        assertThat(received).hasSize(2);
    }

    @Test
    void theSongVanDemoRegistersThePlansUnitsThroughThePublicApis() throws IOException {
        JsonNode demo;
        try (var in = DemoLoader.class.getClassLoader().getResourceAsStream(DemoLoader.SONG_VAN)) {
            demo = JsonMapper.builder().build().readTree(in);
        }
        List<String> names = new java.util.ArrayList<>();
        for (JsonNode step : demo.path("steps")) {
            assertThat(step.path("service").asString()).isIn("village", "criteria", "reporting");
            assertThat(step.path("path").asString()).startsWith("/api/");
            if (step.path("path").asString().equals("/api/units")) {
                names.add(step.path("body").path("name").asString());
            }
        }
        // the plan (30/KH-UBND, 5 March 2024) names these units; nothing else is invented
        assertThat(names).containsExactly("Bắc Giang", "Tân Yên", "Song Vân", "Hoàng Vân", "Tân Lập", "Đông Lai", "Bùi");
    }

    @Test
    void theMergerDemoNamesOnlyTheUnitsOfTheResearchExtractAndGivesEveryChangeItsLegalBasis() throws IOException {
        JsonNode demo;
        try (var in = DemoLoader.class.getClassLoader().getResourceAsStream(DemoLoader.MERGER_2025)) {
            demo = JsonMapper.builder().build().readTree(in);
        }
        List<String> names = new java.util.ArrayList<>();
        for (JsonNode step : demo.path("steps")) {
            assertThat(step.path("body").path("legalBasis").asString()).as(step.toString()).isNotBlank();
            assertThat(step.path("body").path("validFrom").asString()).isIn("2024-03-05", "2025-07-01");
            if (step.path("path").asString().equals("/api/units")) {
                names.add(step.path("body").path("name").asString());
            }
        }
        // research extract: Song Vân, Ngọc Châu, Ngọc Vân, Việt Ngọc and Ngọc Thiện → xã Ngọc Thiện, tỉnh Bắc Ninh
        assertThat(names).containsExactly("Ngọc Châu", "Ngọc Vân", "Việt Ngọc", "Ngọc Thiện", "Bắc Ninh", "Ngọc Thiện");
    }

    private void respond(HttpExchange exchange, int status, String body) throws IOException {
        received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                + exchange.getRequestHeaders().getFirst("Content-Type") + " "
                + exchange.getRequestHeaders().getFirst("Authorization") + " "
                + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
