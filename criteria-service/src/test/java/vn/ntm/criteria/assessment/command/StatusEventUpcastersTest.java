package vn.ntm.criteria.assessment.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import vn.ntm.contracts.StatusCause;
import vn.ntm.criteria.assessment.api.CriteriaSetStatusChanged;
import vn.ntm.criteria.assessment.api.CriterionStatusChanged;
import vn.ntm.criteria.assessment.api.IndicatorStatus;
import vn.ntm.criteria.assessment.api.IndicatorRef;
import vn.ntm.criteria.assessment.api.IndicatorStatusChanged;
import vn.ntm.criteria.assessment.api.Judgement;
import vn.ntm.criteria.assessment.api.MeasurementId;
import vn.ntm.criteria.assessment.api.StatusStretch;
import vn.ntm.criteria.catalogue.api.Comparator;

/**
 * Status events as they were stored before status timelines (the JSON of the event store's payload column, written by
 * the serializer's own settings) are read as open-ended stretches of a LEGACY change, and every older indicator
 * revision reaches the grouped revision 4 through the chain.
 */
class StatusEventUpcastersTest {

    private static final String HEAD = """
            {"assessmentId":"2f1d9a3e-5c7b-4e2a-9d10-6b8f0c4a1e21/VN-XA-NTMNC-2021-2025",
             "unitId":"2f1d9a3e-5c7b-4e2a-9d10-6b8f0c4a1e21",
             "unitPath":[{"id":"2f1d9a3e-5c7b-4e2a-9d10-6b8f0c4a1e21","level":"COMMUNE","name":"Song Vân"}],
             "criteriaSetId":"VN-XA-NTMNC-2021-2025",""";

    /** Revision 1 of the indicator event, before setVersion existed. */
    private static final String INDICATOR_REVISION_1 = HEAD + """
             "criterionCode":"4","indicatorCode":"4.2",
             "previousStatus":"UNKNOWN","status":"MET","comparedValue":100,"comparator":"GE","threshold":98,
             "unit":"% households","thresholdVerified":true,"thresholdSource":"src","causeMeasurementId":"m1",
             "validOn":"2024-03-05","actor":{"subject":"can-bo@songvan","role":"commune-officer","scope":null}}""";

    private static final String CRITERION_UNREVISED = HEAD + """
             "criterionCode":"4","previousStatus":"UNKNOWN","status":"NOT_MET","causeIndicatorCode":"4.2",
             "causeMeasurementId":"m1","validOn":"2024-03-05",
             "actor":{"subject":"can-bo@songvan","role":"commune-officer","scope":null}}""";

    private static final String SET_UNREVISED = HEAD + """
             "previousStatus":"UNKNOWN","status":"NOT_MET","criteriaMet":17,"criteriaTotal":19,
             "criteriaNotMet":["4","10"],"causeMeasurementId":"m1","validOn":"2024-03-05",
             "actor":{"subject":"can-bo@songvan","role":"commune-officer","scope":null}}""";

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(JsonMapper.builder().addModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build())
            .build();

    /** As Axon's Spring configuration orders them: revision 1 to 2 first, then to the stretch, then grouped. */
    private final EventUpcasterChain chain = new EventUpcasterChain(new IndicatorStatusChangedUpcaster(),
            new StatusEventUpcasters.IndicatorStatus(), new StatusEventUpcasters.IndicatorStatusGrouped(),
            new StatusEventUpcasters.CriterionStatus(),
            new StatusEventUpcasters.SetStatus());

    /** Catches a chain that stops at revision 2, or a stretch given an end, or the cause lost. */
    @Test
    void aFirstRevisionIndicatorEventIsReadAsAnOpenEndedStretchFromItsDate() {
        IndicatorStatusChanged event = read(INDICATOR_REVISION_1, IndicatorStatusChanged.class, null, "4");
        assertThat(event.status()).isEqualTo(IndicatorStatus.MET);
        assertThat(event.validFrom()).isEqualTo(LocalDate.of(2024, 3, 5));
        assertThat(event.validUntil()).isNull();
        assertThat(event.setVersion()).isEqualTo(1);
        assertThat(event.governingMeasurementId()).isEqualTo(new MeasurementId("m1"));
        assertThat(event.cause()).isEqualTo(new StatusCause(StatusCause.LEGACY, "m1", "4.2",
                LocalDate.of(2024, 3, 5)));
        assertThat(event.unitPath().get(0).name()).isEqualTo("Song Vân");
    }

    @Test
    void aSecondRevisionIndicatorEventKeepsItsSetVersion() {
        String revision2 = INDICATOR_REVISION_1.replace("\"validOn\"", "\"setVersion\":2,\"validOn\"");
        assertThat(read(revision2, IndicatorStatusChanged.class, "2", "4").setVersion()).isEqualTo(2);
    }

    /** A stretch as revision 3 stored it (flat): read grouped, every field where revision 4 keeps it. */
    @Test
    void aThirdRevisionIndicatorEventIsReadGroupedIntoIndicatorStretchAndJudgement() {
        String revision3 = HEAD + """
                 "criterionCode":"4","indicatorCode":"4.2","status":"NOT_MET","validFrom":"2024-03-05",
                 "validUntil":"2024-06-30","comparedValue":88.37,"comparator":"GE","threshold":98,
                 "unit":"% households","thresholdVerified":true,"thresholdSource":"src",
                 "governingMeasurementId":"m1","setVersion":2,
                 "cause":{"kind":"MEASUREMENT_RECORDED","measurementId":"m1","indicatorCode":"4.2",
                 "validOn":"2024-03-05"},"actor":{"subject":"s","role":"r","scope":null}}""";
        IndicatorStatusChanged event = read(revision3, IndicatorStatusChanged.class, "3", "4");
        assertThat(event.indicator()).isEqualTo(new IndicatorRef("4", "4.2"));
        assertThat(event.stretch()).isEqualTo(StatusStretch.of(IndicatorStatus.NOT_MET, LocalDate.of(2024, 3, 5),
                LocalDate.of(2024, 6, 30)));
        assertThat(event.judgement()).isEqualTo(new Judgement(new MeasurementId("m1"), new BigDecimal("88.37"),
                Comparator.GE, new BigDecimal("98"), "% households", true, "src", 2));
        assertThat(event.cause().kind()).isEqualTo(StatusCause.MEASUREMENT_RECORDED);
        assertThat(event.actor().subject()).isEqualTo("s");
    }

    /** Catches an UNKNOWN stretch (no governing measurement, nulls) losing its set version on the way. */
    @Test
    void aThirdRevisionStretchNoMeasurementGovernsIsReadAsJudgedByNone() {
        String revision3 = HEAD + """
                 "criterionCode":"4","indicatorCode":"4.2","status":"UNKNOWN","validFrom":"2024-03-05",
                 "validUntil":null,"comparedValue":null,"comparator":null,"threshold":null,"unit":null,
                 "thresholdVerified":false,"thresholdSource":null,"governingMeasurementId":null,"setVersion":3,
                 "cause":{"kind":"MEASUREMENT_RETRACTED","measurementId":"m1","indicatorCode":"4.2",
                 "validOn":"2024-03-05"},"actor":{"subject":"s","role":"r","scope":null}}""";
        IndicatorStatusChanged event = read(revision3, IndicatorStatusChanged.class, "3", "4");
        assertThat(event.judgement()).isEqualTo(Judgement.none(3));
        assertThat(event.status()).isEqualTo(IndicatorStatus.UNKNOWN);
    }

    /** Catches an upcaster that touches the grouped form (revision 4 is the current one). */
    @Test
    void theCurrentIndicatorRevisionPassesUnchanged() throws Exception {
        IndicatorStatusChanged written = new IndicatorStatusChanged(
                new vn.ntm.criteria.assessment.api.AssessmentId("u/VN"), "u", List.of(),
                new vn.ntm.criteria.catalogue.api.CriteriaSetId("VN"), new IndicatorRef("4", "4.2"),
                StatusStretch.of(IndicatorStatus.MET, LocalDate.of(2024, 3, 5), null),
                new Judgement(new MeasurementId("m1"), new BigDecimal("99"), Comparator.GE, new BigDecimal("98"),
                        "%", false, "src", 1),
                new StatusCause(StatusCause.MEASUREMENT_RECORDED, "m1", "4.2", LocalDate.of(2024, 3, 5)),
                new vn.ntm.contracts.Actor("s", "r", null));
        String json = serializer.getObjectMapper().writeValueAsString(written);
        assertThat(json).contains("\"governingMeasurementId\":\"m1\"");
        // the stored form holds the groups only: the shortcuts (status(), validFrom(), ...) are not stored twice
        assertThat(serializer.getObjectMapper().readTree(json).fieldNames()).toIterable().containsExactly(
                "assessmentId", "unitId", "unitPath", "criteriaSetId", "indicator", "stretch", "judgement", "cause",
                "actor");
        assertThat(read(json, IndicatorStatusChanged.class, "4", "4")).isEqualTo(written);
    }

    /** Catches the criterion's cause indicator dropped, or its status taken from previousStatus. */
    @Test
    void anUnrevisedCriterionEventIsReadAsAStretchOfALegacyChange() {
        CriterionStatusChanged event = read(CRITERION_UNREVISED, CriterionStatusChanged.class, null, "2");
        assertThat(event.status()).isEqualTo(IndicatorStatus.NOT_MET);
        assertThat(event.validFrom()).isEqualTo(LocalDate.of(2024, 3, 5));
        assertThat(event.validUntil()).isNull();
        assertThat(event.setVersion()).isZero();
        assertThat(event.cause().indicatorCode()).isEqualTo("4.2");
        assertThat(event.cause().kind()).isEqualTo(StatusCause.LEGACY);
    }

    @Test
    void anUnrevisedSetEventKeepsItsCounts() {
        CriteriaSetStatusChanged event = read(SET_UNREVISED, CriteriaSetStatusChanged.class, null, "2");
        assertThat(event.criteriaMet()).isEqualTo(17);
        assertThat(event.criteriaTotal()).isEqualTo(19);
        assertThat(event.criteriaNotMet()).containsExactly("4", "10");
        assertThat(event.validUntil()).isNull();
    }

    /** Catches an upcaster that touches events already in the current revision. */
    @Test
    void theCurrentRevisionPassesUnchanged() {
        String current = HEAD + """
                 "criterionCode":"4","status":"MET","validFrom":"2024-03-05","validUntil":"2024-06-30",
                 "setVersion":2,"cause":{"kind":"MEASUREMENT_RECORDED","measurementId":"m1","indicatorCode":"4.2",
                 "validOn":"2024-03-05"},"actor":{"subject":"s","role":"r","scope":null}}""";
        CriterionStatusChanged event = read(current, CriterionStatusChanged.class, "2", "2");
        assertThat(event.validUntil()).isEqualTo(LocalDate.of(2024, 6, 30));
        assertThat(event.cause().kind()).isEqualTo(StatusCause.MEASUREMENT_RECORDED);
    }

    private <T> T read(String json, Class<T> type, String revision, String expectedRevision) {
        GenericDomainEventEntry<String> stored = new GenericDomainEventEntry<>("Assessment", "a", 0,
                UUID.randomUUID().toString(), Instant.now(), type.getName(), revision, json, "{}");
        List<IntermediateEventRepresentation> upcast = chain
                .upcast(Stream.of(new InitialEventRepresentation(stored, serializer))).toList();
        assertThat(upcast).hasSize(1);
        assertThat(upcast.get(0).getType().getRevision()).isEqualTo(expectedRevision);
        return serializer.deserialize(upcast.get(0).getData());
    }
}
