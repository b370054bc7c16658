package vn.ntm.village.programme.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
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
import vn.ntm.village.programme.api.PlanAdopted;
import vn.ntm.village.programme.api.PlanId;
import vn.ntm.village.programme.api.RecognitionId;
import vn.ntm.village.programme.api.RewardGranted;

/**
 * Plan and recognition events as they were stored before each had its own file (payload type
 * {@code ...programme.api.PlanEvents$PlanAdopted}, the JSON of the event store's payload column) are read as the
 * events of now, with their ids typed.
 */
class ProgrammeEventUpcasterTest {

    private static final String PLAN = "5b0f4c1e-2d3a-4f5b-8c6d-7e8f9a0b1c2d";
    private static final String RECOGNITION = "0a1b2c3d-4e5f-4a7b-8c9d-0e1f2a3b4c5d";
    private static final String UNIT = "8565f27f-834a-541b-947f-d43167af318b";
    private static final String ACTOR = "\"actor\":{\"subject\":\"can-bo@songvan\",\"role\":\"commune-officer\","
            + "\"scope\":null}";

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(JsonMapper.builder().addModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build())
            .build();
    private final EventUpcasterChain chain = new EventUpcasterChain(new ProgrammeEventUpcaster());

    @Test
    void aPlanAdoptedStoredAsANestedRecordIsReadAsThePlanAdoptedOfNow() {
        PlanAdopted plan = read("vn.ntm.village.programme.api.PlanEvents$PlanAdopted", """
                {"planId":"%s","unitId":"%s","path":[{"id":"%s","level":"COMMUNE","name":"Song Vân"}],
                 "number":"30/KH-UBND","title":"Kế hoạch NTM 2024","adoptedOn":"2024-03-05","signer":null,
                 "year":2024,"targets":[],"roadmap":[],"tasks":[{"taskId":"village-plans","description":"Các thôn",
                 "dueDate":"2024-04-05","responsibleOffice":null,"unitIds":[]}],"assignments":[],"rewards":[],%s}"""
                .formatted(PLAN, UNIT, UNIT, ACTOR), PlanAdopted.class);
        assertThat(plan.planId()).isEqualTo(new PlanId(PLAN));
        assertThat(plan.unitId().value()).isEqualTo(UNIT);
        assertThat(plan.adoptedOn()).isEqualTo(LocalDate.of(2024, 3, 5));
        assertThat(plan.tasks()).singleElement().satisfies(task -> assertThat(task.taskId()).isEqualTo("village-plans"));
    }

    @Test
    void aRewardStoredAsANestedRecordKeepsItsRecognitionAndPlan() {
        RewardGranted reward = read("vn.ntm.village.programme.api.RecognitionEvents$RewardGranted", """
                {"recognitionId":"%s","unitId":"%s","path":[],"planId":"%s","planNumber":"30/KH-UBND",
                 "ruleId":"model-village","amount":10000000,"budgetSource":null,"grantedOn":"2024-12-31",%s}"""
                .formatted(RECOGNITION, UNIT, PLAN, ACTOR), RewardGranted.class);
        assertThat(reward.recognitionId()).isEqualTo(new RecognitionId(RECOGNITION));
        assertThat(reward.planId()).isEqualTo(new PlanId(PLAN));
        assertThat(reward.amount()).isEqualByComparingTo("10000000");
    }

    @Test
    void everyFormerNameIsRenamedToAnEventClassThatExists() throws ClassNotFoundException {
        assertThat(ProgrammeEventUpcaster.RENAMED).hasSize(9);
        for (String type : ProgrammeEventUpcaster.RENAMED.values()) {
            assertThat(Class.forName(type).isRecord()).as(type).isTrue();
        }
    }

    @Test
    void anEventStoredUnderItsCurrentNameIsLeftAsItIs() {
        PlanAdopted plan = read(PlanAdopted.class.getName(), """
                {"planId":"%s","unitId":"%s","path":[],"number":"1","adoptedOn":"2024-03-05","year":2024,
                 "targets":[],"roadmap":[],"tasks":[],"assignments":[],"rewards":[],%s}"""
                .formatted(PLAN, UNIT, ACTOR), PlanAdopted.class);
        assertThat(plan.number()).isEqualTo("1");
    }

    private <T> T read(String storedType, String json, Class<T> expected) {
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("Plan", PLAN, 0,
                UUID.randomUUID().toString(), Instant.parse("2024-03-05T02:00:00Z"), storedType, null,
                json.getBytes(java.nio.charset.StandardCharsets.UTF_8), "{}".getBytes());
        List<IntermediateEventRepresentation> upcast = chain.upcast(
                Stream.of(new InitialEventRepresentation(entry, serializer))).toList();
        assertThat(upcast).hasSize(1);
        assertThat(upcast.get(0).getType().getName()).isEqualTo(expected.getName());
        return expected.cast(serializer.deserialize(upcast.get(0).getData()));
    }
}
