package vn.ntm.criteria.assessment.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import vn.ntm.criteria.assessment.api.IndicatorStatusChanged;

class IndicatorStatusChangedUpcasterTest {

    /** Revision 1 as it was stored, before setVersion existed (the serializer's own settings, ISO dates). */
    private static final String STORED_REVISION_1 = """
            {"assessmentId":"2f1d9a3e-5c7b-4e2a-9d10-6b8f0c4a1e21/VN-XA-NTMNC-2021-2025",
             "unitId":"2f1d9a3e-5c7b-4e2a-9d10-6b8f0c4a1e21",
             "unitPath":[{"id":"2f1d9a3e-5c7b-4e2a-9d10-6b8f0c4a1e21","level":"COMMUNE","name":"Song Vân"}],
             "criteriaSetId":"VN-XA-NTMNC-2021-2025","criterionCode":"4","indicatorCode":"4.2",
             "previousStatus":"UNKNOWN","status":"MET","comparedValue":100,"comparator":"GE","threshold":98,
             "unit":"% households","thresholdVerified":true,"thresholdSource":"src","causeMeasurementId":"m1",
             "validOn":"2024-03-05","actor":{"subject":"can-bo@songvan","role":"commune-officer","scope":null}}""";

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(JsonMapper.builder().addModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build())
            .build();

    @Test
    void aStoredFirstRevisionIsReadAsJudgedByTheSetsFirstVersion() {
        IndicatorStatusChanged event = upcastAndRead(STORED_REVISION_1, null);
        assertThat(event.setVersion()).isEqualTo(1);
        assertThat(event.unitPath().get(0).name()).isEqualTo("Song Vân");
        assertThat(event.validOn()).hasToString("2024-03-05");
    }

    @Test
    void theCurrentRevisionPassesUnchanged() {
        String current = STORED_REVISION_1.replace("\"validOn\"", "\"setVersion\":3,\"validOn\"");
        assertThat(upcastAndRead(current, "2").setVersion()).isEqualTo(3);
    }

    private IndicatorStatusChanged upcastAndRead(String json, String revision) {
        GenericDomainEventEntry<String> stored = new GenericDomainEventEntry<>("Assessment", "a", 0,
                UUID.randomUUID().toString(), Instant.now(), IndicatorStatusChanged.class.getName(), revision, json,
                "{}");
        List<IntermediateEventRepresentation> upcast = new IndicatorStatusChangedUpcaster()
                .upcast(Stream.of(new InitialEventRepresentation(stored, serializer))).toList();
        assertThat(upcast).hasSize(1);
        assertThat(upcast.get(0).getType().getRevision()).isEqualTo("2");
        return serializer.deserialize(upcast.get(0).getData());
    }
}
