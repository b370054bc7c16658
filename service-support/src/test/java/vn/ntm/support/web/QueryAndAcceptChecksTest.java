package vn.ntm.support.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

class QueryAndAcceptChecksTest {

    @RestController
    static class Endpoints {
        @GetMapping("/report")
        String report(@RequestParam(required = false) String name, @RequestParam(required = false) String asOf) {
            return "{}";
        }
    }

    private final ProblemMvc mvc = new ProblemMvc(new Endpoints(), new QueryAndAcceptChecks());

    @Test
    void aControlCharacterInAQueryParameterIsRefused() throws Exception {
        JsonNode problem = mvc.problem(get(URI.create("/report?name=a%01b")));
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("type").asString()).isEqualTo("urn:ntm:problem:invalid-character");
        assertThat(problem.path("field").asString()).isEqualTo("name");
        assertThat(problem.path("detail").asString()).startsWith("Giá trị của \"name\" chứa ký tự điều khiển");
    }

    @Test
    void aDateBefore1900InAQueryParameterIsRefused() throws Exception {
        JsonNode problem = mvc.problem(get("/report?asOf=0024-12-31"));
        assertThat(problem.path("type").asString()).isEqualTo("urn:ntm:problem:date-out-of-range");
        assertThat(problem.path("detail").asString()).startsWith("Ngày 0024-12-31 của \"asOf\" quá xa trong quá khứ");
    }

    @Test
    void anAcceptHeaderAdmittingNoJsonIsRefusedAs406() throws Exception {
        JsonNode problem = mvc.problem(get("/report").header("Accept", "text/html"));
        assertThat(problem.path("status").asInt()).isEqualTo(406);
        assertThat(problem.path("type").asString()).isEqualTo("urn:ntm:problem:not-acceptable");
        assertThat(problem.path("detail").asString()).isEqualTo("Dịch vụ chỉ trả lời bằng JSON (application/json)."
                + " Vui lòng bỏ hoặc sửa tiêu đề Accept của yêu cầu.");
    }

    @Test
    void anOrdinaryQueryWithJsonAcceptedIsAnswered() throws Exception {
        assertThat(mvc.perform(get(URI.create("/report?name=Th%C3%B4n%20%C4%90%C3%B4ng&asOf=2026-12-01"))
                .header("Accept", "application/json, */*")).getResponse().getStatus()).isEqualTo(200);
    }
}
