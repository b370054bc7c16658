package vn.ntm.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.ntm.launcher.Platform;
import vn.ntm.testing.JsonHttp;

/**
 * The event store is the outbox: commands accepted while the Kafka broker is down are stored, and every one of
 * their events reaches the other services once the broker is back.
 */
class OutboxIT {

    @Test
    void commandsAcceptedWhileTheBrokerIsDownArriveEverywhereWhenItReturns() {
        Platform platform = RunningPlatform.get();
        JsonHttp village = RunningPlatform.village();
        JsonHttp.Response province = village.post("/api/units", Map.of("level", "PROVINCE",
                "name", "Tỉnh kiểm thử outbox", "validFrom", "2024-01-01", "region", "TDMNPB"));
        assertThat(province.status()).as(province.toString()).isEqualTo(201);
        String provinceId = province.json().path("id").asString();

        platform.kafka().stop();
        List<String> communes = new ArrayList<>();
        try {
            for (String name : List.of("Xã kiểm thử A", "Xã kiểm thử B", "Xã kiểm thử C")) {
                JsonHttp.Response response = village.post("/api/units", Map.of("level", "COMMUNE", "name", name,
                        "parentId", provinceId, "validFrom", "2024-01-01"));
                assertThat(response.status()).as("accepted while Kafka is down: " + response).isEqualTo(201);
                communes.add(response.json().path("id").asString());
            }
        } finally {
            platform.kafka().start();
        }

        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            for (String commune : communes) {
                assertThat(RunningPlatform.criteria().get("/api/units/" + commune).status())
                        .as("criteria-service learnt " + commune).isEqualTo(200);
                assertThat(MeasurementFlowIT.find(RunningPlatform.reporting().get("/api/units").json(), commune))
                        .as("reporting shows " + commune).isNotNull();
            }
        });
    }
}
