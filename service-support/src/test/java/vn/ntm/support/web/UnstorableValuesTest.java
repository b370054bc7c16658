package vn.ntm.support.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

class UnstorableValuesTest {

    record Item(String name, BigDecimal value) {
    }

    record Body(String name, LocalDate founded, List<Item> items) {
    }

    @RestController
    static class Endpoints {
        @PostMapping("/things")
        String post(@RequestBody Body body) {
            return "ok";
        }
    }

    private final ProblemMvc mvc = new ProblemMvc(new Endpoints(), new UnstorableValues());

    @Test
    void aControlCharacterInANestedFieldIsRefusedNamingTheField() throws Exception {
        JsonNode problem = posted("{\"items\":[{\"name\":\"a\\u0000b\"}]}");
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("type").asString()).isEqualTo("urn:ntm:problem:invalid-character");
        assertThat(problem.path("field").asString()).isEqualTo("items[0].name");
        assertThat(problem.path("detail").asString()).isEqualTo("Giá trị của \"items[0].name\" chứa ký tự điều khiển"
                + " hoặc ký tự bị lỗi mã hóa nên không thể lưu. Vui lòng gõ lại nội dung này.");
    }

    @Test
    void anInvisibleCharacterIsRefused() throws Exception {
        JsonNode problem = posted("{\"name\":\"Xã\\u200bAn\"}");
        assertThat(problem.path("type").asString()).isEqualTo("urn:ntm:problem:invisible-character");
        assertThat(problem.path("detail").asString()).startsWith("Giá trị của \"name\" chứa ký tự ẩn");
    }

    @Test
    void aDateBefore1900IsRefused() throws Exception {
        JsonNode problem = posted("{\"founded\":\"0001-01-01\"}");
        assertThat(problem.path("type").asString()).isEqualTo("urn:ntm:problem:date-out-of-range");
        assertThat(problem.path("detail").asString()).isEqualTo("Ngày 0001-01-01 của \"founded\" quá xa trong quá khứ;"
                + " hệ thống chỉ nhận ngày từ 01/01/1900 trở đi. Vui lòng kiểm tra lại năm.");
    }

    @Test
    void aNumberWithTooManyDigitsIsRefused() throws Exception {
        JsonNode problem = posted("{\"items\":[{\"value\":1e999999999}]}");
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("type").asString()).isEqualTo("urn:ntm:problem:number-out-of-range");
        assertThat(problem.path("field").asString()).isEqualTo("items[0].value");
    }

    @Test
    void ordinaryVietnameseTextAndFiguresPass() throws Exception {
        assertThat(mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"Xã Đông Hưng\\tthôn 3\",\"founded\":\"1945-09-02\","
                        + "\"items\":[{\"name\":\"Tỷ lệ\",\"value\":98.5}]}")).getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void aValueReadByAControllerItselfIsCheckedTheSameWay() {
        assertThatCode(() -> UnstorableValues.refuse(Map.of("a\u0001", "b")))
                .hasMessageContaining("invalid-character");
        assertThatCode(() -> UnstorableValues.refuse(Map.of("name", "Thôn Đông"))).doesNotThrowAnyException();
    }

    private JsonNode posted(String json) throws Exception {
        return mvc.problem(post("/things").contentType(MediaType.APPLICATION_JSON).content(json));
    }
}
