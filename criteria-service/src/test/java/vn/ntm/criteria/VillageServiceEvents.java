package vn.ntm.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.ntm.contracts.Actor;
import vn.ntm.contracts.Envelope;
import vn.ntm.contracts.UnitRef;
import vn.ntm.contracts.UnitRegistered;
import vn.ntm.support.messaging.EventCodec;
import vn.ntm.testing.JsonHttp;
import vn.ntm.testing.KafkaTopics;
import vn.ntm.testing.ServiceUnderTest;

/** Units as criteria-service learns them: village-service's events, sent on {@code ntm.units} as it would send them. */
final class VillageServiceEvents {

    private static final Actor ADMIN = new Actor("admin@bacgiang", "provincial-admin", null);
    private static final LocalDate FOUNDED = LocalDate.of(1997, 1, 1);

    private final String brokers;
    private final EventCodec codec;

    VillageServiceEvents(String brokers, EventCodec codec) {
        this.brokers = brokers;
        this.codec = codec;
    }

    /** A commune "Song Vân" in a province "Bắc Giang" (TDMNPB) of its own; its id once criteria-service knows it. */
    String communeArrives(JsonHttp http) {
        String province = UUID.randomUUID().toString();
        String commune = UUID.randomUUID().toString();
        UnitRef provinceRef = new UnitRef(province, "PROVINCE", "Bắc Giang");
        send(Envelope.of(UUID.randomUUID(), FOUNDED, Instant.now(), ADMIN, province, List.of(provinceRef),
                new UnitRegistered("PROVINCE", "Bắc Giang", null, FOUNDED, "TDMNPB", null, null, null)));
        send(Envelope.of(UUID.randomUUID(), FOUNDED, Instant.now(), ADMIN, commune,
                List.of(provinceRef, new UnitRef(commune, "COMMUNE", "Song Vân")),
                new UnitRegistered("COMMUNE", "Song Vân", province, FOUNDED, null, null, null, null)));
        await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/api/units/" + commune).status() == 200);
        return commune;
    }

    /**
     * The commune of {@link #communeArrives} in a service where the shipped set {@code set} is published (the test
     * database is shared by a class's tests: published by the first); the commune's id.
     */
    static String communeWithShippedSet(ServiceUnderTest service, String set) {
        String commune = new VillageServiceEvents(service.brokers(), service.codec()).communeArrives(service.http());
        if (service.http().get("/api/criteria-sets/" + set).status() == 404) {
            JsonHttp.Response loaded = service.http().post("/api/criteria-sets/shipped/" + set, "");
            assertThat(loaded.status()).as(loaded.toString()).isEqualTo(201);
        }
        return commune;
    }

    void send(Envelope<?> envelope) {
        KafkaTopics.send(brokers, "ntm.units", envelope.key(),
                new String(codec.encode(envelope), StandardCharsets.UTF_8));
    }
}
