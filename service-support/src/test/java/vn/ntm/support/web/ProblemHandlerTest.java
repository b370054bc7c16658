package vn.ntm.support.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import vn.ntm.support.rules.RuleViolation;

class ProblemHandlerTest {

    record Count(int count) {
    }

    @RestController
    static class Endpoints {
        @GetMapping("/unit")
        String unit() {
            throw RuleViolation.notFound("not-found", "/unit");
        }

        @GetMapping("/wrapped")
        String wrapped() {
            throw new IllegalStateException("on its way up", RuleViolation.invalid("invalid-character", "name", "name"));
        }

        @GetMapping("/broken")
        String broken() {
            throw new IllegalStateException("a bug");
        }

        @PostMapping("/counts")
        String counts(@RequestBody Count count) {
            return "ok";
        }

        @PostMapping("/maps")
        String maps(@RequestBody Map<String, Object> body) {
            return "ok";
        }
    }

    private final ProblemMvc mvc = new ProblemMvc(new Endpoints());

    @Test
    void aRuleViolationBecomesAProblemOfItsKindAndType() throws Exception {
        JsonNode problem = mvc.problem(get("/unit"));
        assertThat(problem.path("status").asInt()).isEqualTo(404);
        assertThat(problem.path("type").asString()).isEqualTo("urn:ntm:problem:not-found");
        assertThat(problem.path("detail").asString())
                .isEqualTo("Không có chức năng nào tại địa chỉ /unit. Vui lòng kiểm tra lại đường dẫn.");
    }

    @Test
    void aRuleViolationWrappedOnItsWayUpIsStillThatRefusal() throws Exception {
        JsonNode problem = mvc.problem(get("/wrapped"));
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("type").asString()).isEqualTo("urn:ntm:problem:invalid-character");
        assertThat(problem.path("field").asString()).isEqualTo("name");
    }

    @Test
    void anUnexpectedFailureIsA500WithoutInternals() throws Exception {
        JsonNode problem = mvc.problem(get("/broken"));
        assertThat(problem.path("status").asInt()).isEqualTo(500);
        assertThat(problem.path("type").asString()).isEqualTo("urn:ntm:problem:internal-error");
        assertThat(problem.path("detail").asString()).startsWith("Đã xảy ra lỗi ngoài ý muốn").doesNotContain("a bug");
    }

    /** Read strictly as the services read JSON; the figure is quoted as Vietnamese writes it (1,5). */
    @Test
    void aFractionForAWholeNumberNamesTheField() throws Exception {
        JsonNode problem = mvc.problem(post("/counts").contentType(MediaType.APPLICATION_JSON)
                .content("{\"count\":1.5}"));
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("type").asString()).isEqualTo("urn:ntm:problem:whole-number-required");
        assertThat(problem.path("detail").asString()).isEqualTo("Giá trị của \"count\" phải là số nguyên (không có"
                + " phần thập phân), nhưng đã nhận 1,5. Vui lòng kiểm tra lại số liệu.");
    }

    @Test
    void anUnknownPathAndAWrongMethodAreProblemsToo() throws Exception {
        assertThat(mvc.problem(get("/nowhere")).path("type").asString()).isEqualTo("urn:ntm:problem:not-found");
        JsonNode wrongMethod = mvc.problem(get("/counts"));
        assertThat(wrongMethod.path("status").asInt()).isEqualTo(405);
        assertThat(wrongMethod.path("type").asString()).isEqualTo("urn:ntm:problem:method-not-allowed");
    }

    @Test
    void anUnreadableBodyIsA400InTheAskedLanguage() throws Exception {
        JsonNode problem = mvc.problem(post("/maps").contentType(MediaType.APPLICATION_JSON).content("{"));
        assertThat(problem.path("type").asString()).isEqualTo("urn:ntm:problem:unreadable-request");
        assertThat(problem.path("detail").asString()).isEqualTo("Nội dung gửi lên không phải JSON hợp lệ hoặc có"
                + " trường sai kiểu dữ liệu. Vui lòng kiểm tra lại.");
    }
}
