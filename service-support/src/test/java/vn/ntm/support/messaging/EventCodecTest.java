package vn.ntm.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.MessageHandlingException;
import org.springframework.messaging.support.GenericMessage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ntm.contracts.Actor;
import vn.ntm.contracts.Envelope;
import vn.ntm.contracts.MeasurementRecorded;
import vn.ntm.contracts.MeasurementRecordedV1;
import vn.ntm.contracts.UnitRef;

class EventCodecTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final EventCodec codec = new EventCodec(JSON);

    /** What a schema-version-1 producer put on Kafka, byte for byte as it wrote it. */
    private static final String STORED_V1 = """
            {"eventId":"6f1c7a2e-3b7e-4d1a-9a57-2f0a3c1d9e11","eventType":"MeasurementRecorded","schemaVersion":1,
             "validOn":"2024-09-30","recordedAt":"2024-10-02T03:15:00Z",
             "actor":{"subject":"can-bo@songvan","role":"commune-officer","scope":null},
             "unitId":"8565f27f-834a-541b-947f-d43167af318b",
             "unitPath":[{"id":"8565f27f-834a-541b-947f-d43167af318b","level":"COMMUNE","name":"Song Vân"}],
             "payload":{"measurementId":"0b6f2c8e-5d1e-4f7a-8c3b-1e2d3f4a5b6c","criteriaSetId":"VN-XA-NTMNC-2021-2025",
                        "indicatorCode":"4.2","value":88.37,"numerator":1900,"denominator":2150,"passed":null,
                        "evidenceDocument":"30/KH-UBND","evidenceLink":null,"evidenceNote":"kiểm tra cuối quý III",
                        "assessedBy":null,"setVersion":1}}""";

    @Test
    void aStoredVersionOneMeasurementIsReadAsTheCurrentVersion() {
        Envelope<?> read = codec.decode(STORED_V1.getBytes(StandardCharsets.UTF_8));

        assertThat(read.schemaVersion()).isEqualTo(2);
        assertThat(read.eventType()).isEqualTo("MeasurementRecorded");
        assertThat(read.eventId()).isEqualTo(UUID.fromString("6f1c7a2e-3b7e-4d1a-9a57-2f0a3c1d9e11"));
        MeasurementRecorded measurement = (MeasurementRecorded) read.payload();
        assertThat(measurement.evidence()).isEqualTo(
                new MeasurementRecorded.Evidence("30/KH-UBND", null, "kiểm tra cuối quý III", null));
        assertThat(measurement.evidenceDocument()).isEqualTo("30/KH-UBND");
        assertThat(measurement.numerator()).isEqualTo(1900L);
        assertThat(read.unitPath()).extracting(UnitRef::name).containsExactly("Song Vân");
    }

    @Test
    void versionOneAndVersionTwoOfTheSameFactDecodeToTheSameRecord() {
        MeasurementRecordedV1 old = new MeasurementRecordedV1("m-1", "SET", "4.2", new BigDecimal("99"), 1990L, 2010L,
                null, "BC-01", "https://example.vn/bc-01", "ghi chú", null, 1);
        Envelope<MeasurementRecordedV1> asV1 = envelope(old);
        Envelope<MeasurementRecorded> asV2 = envelope(old.upcast());

        JsonNode v1 = JSON.readTree(codec.encode(asV1));
        JsonNode v2 = JSON.readTree(codec.encode(asV2));
        assertThat(v1.path("schemaVersion").asInt()).isEqualTo(1);
        assertThat(v1.path("payload").path("evidenceDocument").asString()).isEqualTo("BC-01");
        assertThat(v2.path("schemaVersion").asInt()).isEqualTo(2);
        assertThat(v2.path("payload").path("evidence").path("document").asString()).isEqualTo("BC-01");
        assertThat(v2.path("payload").has("evidenceDocument")).as("version 2 has no flat fields").isFalse();

        Envelope<?> fromV1 = codec.decode(codec.encode(asV1));
        Envelope<?> fromV2 = codec.decode(codec.encode(asV2));
        assertThat(fromV1).isEqualTo(fromV2);
        assertThat(fromV2.payload()).isEqualTo(old.upcast());
    }

    @Test
    void poisonMessagesAreRefusedAsUndecodable() {
        String unknownType = STORED_V1.replace("\"MeasurementRecorded\"", "\"MeasurementInvented\"");
        String unsupportedVersion = STORED_V1.replace("\"schemaVersion\":1", "\"schemaVersion\":9");
        String truncated = STORED_V1.substring(0, STORED_V1.length() / 2);
        String missingPayload = STORED_V1.substring(0, STORED_V1.indexOf(",\n \"payload\"")) + "}";

        for (String poison : List.of(unknownType, unsupportedVersion, truncated, missingPayload, "", "null", "[]")) {
            assertThatThrownBy(() -> codec.decode(poison.getBytes(StandardCharsets.UTF_8)))
                    .as(poison).isInstanceOf(UndecodableEvent.class);
        }
    }

    @Test
    void anUndecodableMessageIsNotRetriedEvenWhenWrappedOnItsWayUp() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        var retry = new MessagingAutoConfiguration().ntmConsumerRetry();

        assertThatThrownBy(() -> retry.execute(() -> {
            attempts.incrementAndGet();
            throw new MessageHandlingException(new GenericMessage<>("poison"), "handler failed",
                    new UndecodableEvent("unknown event type MeasurementInvented v1"));
        })).isNotNull();

        assertThat(attempts).as("straight to the dead-letter topic, no retry").hasValue(1);
    }

    private static <P extends vn.ntm.contracts.IntegrationPayload> Envelope<P> envelope(P payload) {
        return Envelope.of(UUID.fromString("6f1c7a2e-3b7e-4d1a-9a57-2f0a3c1d9e11"), LocalDate.of(2024, 9, 30),
                Instant.parse("2024-10-02T03:15:00Z"), new Actor("can-bo@songvan", "commune-officer", null),
                "8565f27f-834a-541b-947f-d43167af318b", List.of(), payload);
    }
}
