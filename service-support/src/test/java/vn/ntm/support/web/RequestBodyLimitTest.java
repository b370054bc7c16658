package vn.ntm.support.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

class RequestBodyLimitTest {

    @RestController
    static class Endpoints {
        @PostMapping("/things")
        String post(@RequestBody Map<String, Object> body) {
            return "ok";
        }
    }

    private final ProblemMvc mvc = new ProblemMvc(new Endpoints(), new RequestBodyLimit());

    @Test
    void aBodyOverTheLimitIsRefusedAs413NamingTheLimit() throws Exception {
        String big = "{\"name\":\"" + "a".repeat((int) RequestBodyLimit.MAX_BODY_BYTES) + "\"}";
        JsonNode problem = mvc.problem(post("/things").contentType(MediaType.APPLICATION_JSON).content(big));
        assertThat(problem.path("status").asInt()).isEqualTo(413);
        assertThat(problem.path("type").asString()).isEqualTo("urn:ntm:problem:payload-too-large");
        assertThat(problem.path("detail").asString())
                .isEqualTo("Nội dung gửi lên vượt quá giới hạn 1.024 KB. Vui lòng gửi ít dữ liệu hơn trong mỗi lần.");
    }

    @Test
    void aBodyWithinTheLimitIsRead() throws Exception {
        String small = "{\"name\":\"" + "a".repeat(1000) + "\"}";
        assertThat(mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON).content(small))
                .getResponse().getStatus()).isEqualTo(200);
    }

    /** A chunked body declares no length: the limit is met while reading, which a length check alone would miss. */
    @Test
    void aBodyWithoutDeclaredLengthFailsOnceReadingPassesTheLimit() throws Exception {
        byte[] bytes = new byte[(int) RequestBodyLimit.MAX_BODY_BYTES + 1];
        HttpInputMessage chunked = new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(bytes);
            }

            @Override
            public HttpHeaders getHeaders() {
                return new HttpHeaders();
            }
        };
        InputStream limited = new RequestBodyLimit().beforeBodyRead(chunked, null, Object.class, null).getBody();
        assertThatThrownBy(limited::readAllBytes).isInstanceOf(RequestBodyLimit.BodyTooLarge.class);
    }
}
