package vn.ntm.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The wire format every consumer relies on: field names, ISO dates, and a lossless round trip. */
class EnvelopeJsonTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void everyPayloadTypeIsRegisteredOnceWithAVersion() {
        assertThat(EventTypes.all()).extracting(t -> t.name() + " v" + t.version()).doesNotHaveDuplicates();
        assertThat(EventTypes.all()).allMatch(t -> t.version() >= 1);
        assertThat(EventTypes.all()).filteredOn(t -> !OlderVersion.class.isAssignableFrom(t.payloadClass()))
                .as("one current version per event type").extracting(EventTypes.Type::name).doesNotHaveDuplicates();
        assertThat(EventTypes.all()).filteredOn(t -> OlderVersion.class.isAssignableFrom(t.payloadClass()))
                .as("an older version is older than the current one").allMatch(old -> EventTypes.all().stream()
                        .anyMatch(t -> t.name().equals(old.name()) && t.version() > old.version()));
    }

    @Test
    void anEnvelopeIsWrittenWithItsDocumentedFieldsAndReadBackUnchanged() {
        Envelope<IndicatorStatusChanged> envelope = Envelope.of(UUID.randomUUID(), LocalDate.of(2024, 3, 5),
                Instant.parse("2024-03-06T01:02:03Z"), new Actor("can-bo@songvan", "commune-officer", "xã Song Vân"),
                "8565f27f-834a-541b-947f-d43167af318b",
                List.of(new UnitRef("8565f27f-834a-541b-947f-d43167af318b", "COMMUNE", "Song Vân")),
                new IndicatorStatusChanged("VN-XA-NTMNC-2021-2025", "4", "4.2", "MET", LocalDate.of(2024, 6, 30),
                        new BigDecimal("100"), "GE", new BigDecimal("98"), "% households", true, "src", "m-1", 1,
                        new StatusCause(StatusCause.MEASUREMENT_RECORDED, "m-1", "4.2", LocalDate.of(2024, 3, 5))));

        JsonNode tree = json.readTree(json.writeValueAsString(envelope));
        assertThat(tree.propertyNames()).containsExactlyInAnyOrder("eventId", "eventType", "schemaVersion",
                "validOn", "recordedAt", "actor", "unitId", "unitPath", "payload");
        assertThat(tree.path("eventType").asString()).isEqualTo("IndicatorStatusChanged");
        assertThat(tree.path("validOn").asString()).isEqualTo("2024-03-05");
        assertThat(tree.path("recordedAt").asString()).isEqualTo("2024-03-06T01:02:03Z");
        assertThat(tree.path("unitPath").get(0).path("name").asString()).isEqualTo("Song Vân");

        JavaType type = json.getTypeFactory().constructParametricType(Envelope.class, IndicatorStatusChanged.class);
        assertThat((Object) json.readValue(json.writeValueAsString(envelope), type)).isEqualTo(envelope);
    }

    /** Catches a version 1 status read as if it ended somewhere, or losing its cause or set version on upcast. */
    @Test
    void aVersionOneStatusChangeIsReadAsAnOpenEndedStretchOfALegacyChange() {
        IndicatorStatusChanged indicator = new IndicatorStatusChangedV1("S", "4", "4.2", "UNKNOWN", "MET",
                new BigDecimal("100"), "GE", new BigDecimal("98"), "%", true, "src", "m-1", 2).upcast();
        assertThat(indicator.validUntil()).isNull();
        assertThat(indicator.status()).isEqualTo("MET");
        assertThat(indicator.setVersion()).isEqualTo(2);
        assertThat(indicator.governingMeasurementId()).isEqualTo("m-1");
        assertThat(indicator.cause()).isEqualTo(new StatusCause(StatusCause.LEGACY, "m-1", "4.2", null));

        CriterionStatusChanged criterion = new CriterionStatusChangedV1("S", "4", "UNKNOWN", "NOT_MET", "4.2", "m-1")
                .upcast();
        assertThat(criterion.status()).isEqualTo("NOT_MET");
        assertThat(criterion.validUntil()).isNull();
        assertThat(criterion.cause().indicatorCode()).isEqualTo("4.2");

        CriteriaSetStatusChanged set = new CriteriaSetStatusChangedV1("S", "UNKNOWN", "NOT_MET", 17, 19,
                List.of("4", "10"), "m-1").upcast();
        assertThat(set.criteriaMet()).isEqualTo(17);
        assertThat(set.criteriaNotMet()).containsExactly("4", "10");
        assertThat(set.validUntil()).isNull();
    }

    @Test
    void catalogueEventsAreKeyedByTheirSetAndUnitEventsByTheirUnit() {
        var set = new CriteriaSetPublished("S-1", "S-1", 1, "t", null, "COMMUNE", null, LocalDate.of(2022, 3, 8),
                null, List.of(), false);
        assertThat(Envelope.of(UUID.randomUUID(), null, Instant.now(), null, null, null, set).key()).isEqualTo("S-1");
        var unit = new UnitRegistered("COMMUNE", "Song Vân", null, LocalDate.of(2024, 3, 5), null, null, null, null);
        assertThat(Envelope.of(UUID.randomUUID(), null, Instant.now(), null, "u-1", null, unit).key()).isEqualTo("u-1");
    }
}
