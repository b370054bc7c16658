package vn.ntm.support.web;

import static org.assertj.core.api.Assertions.assertThat;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.format.support.FormattingConversionService;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The refusals every service shares say what is expected: a size names its limit ("độ dài không phù hợp" did not), a
 * bound names the bound, and a parameter that does not convert names the form it takes ("giá trị không hợp lệ" did
 * not).
 */
class ProblemMessagesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Body(@Size(max = 200) String name, @Size(min = 2, max = 5) String code, @Size(max = 3) List<String> items,
                @Min(2010) @Max(2100) Integer year, @DecimalMax("1e15") BigDecimal amount) {
    }

    @RestController
    static class Endpoints {
        @PostMapping("/things")
        String post(@Valid @RequestBody Body body) {
            return "ok";
        }

        @GetMapping("/report")
        String report(@RequestParam(required = false) LocalDate asOf, @RequestParam(required = false) Instant knownAt) {
            return "ok";
        }
    }

    private final MockMvc mvc = mvc();

    private static MockMvc mvc() {
        WebAutoConfiguration configuration = new WebAutoConfiguration();
        FormattingConversionService conversions = new org.springframework.format.support
                .DefaultFormattingConversionService();
        conversions.addFormatterForFieldType(Instant.class, new InstantParameter());
        LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
        validator.afterPropertiesSet();
        AcceptHeaderLocaleResolver locales = (AcceptHeaderLocaleResolver) configuration.localeResolver();
        return MockMvcBuilders.standaloneSetup(new Endpoints())
                .setControllerAdvice(new ProblemHandler(configuration.problemMessages()))
                .setConversionService(conversions).setValidator(validator).setLocaleResolver(locales).build();
    }

    @Test
    void aTooLongTextNamesTheLimitAndItsLength() throws Exception {
        JsonNode problem = refusedPost("{\"name\":\"" + "a".repeat(201) + "\"}", "vi");
        assertThat(message(problem, "name")).isEqualTo("quá dài: tối đa 200 ký tự (đã nhập 201)");
        assertThat(message(refusedPost("{\"name\":\"" + "a".repeat(201) + "\"}", "en"), "name"))
                .isEqualTo("is too long: at most 200 characters (got 201)");
    }

    @Test
    void aSizeWithBothBoundsAndAListNameTheirLimits() throws Exception {
        assertThat(message(refusedPost("{\"code\":\"a\"}", "vi"), "code")).isEqualTo("cần từ 2 đến 5 ký tự (đã nhập 1)");
        assertThat(message(refusedPost("{\"items\":[\"a\",\"b\",\"c\",\"d\"]}", "vi"), "items"))
                .isEqualTo("quá nhiều mục: tối đa 3 mục (đã có 4)");
    }

    @Test
    void boundsAreNamedWithoutThousandsSeparators() throws Exception {
        assertThat(message(refusedPost("{\"year\":2009}", "vi"), "year")).isEqualTo("phải từ 2010 trở lên");
        assertThat(message(refusedPost("{\"year\":2101}", "en"), "year")).isEqualTo("must be at most 2100");
        assertThat(message(refusedPost("{\"amount\":1e16}", "vi"), "amount")).isEqualTo("không được lớn hơn 1e15");
    }

    @Test
    void aDateOrInstantParameterThatDoesNotConvertSaysTheFormItTakes() throws Exception {
        JsonNode date = refusedGet("/report?asOf=2024-02-30", "vi");
        assertThat(date.path("field").asString()).isEqualTo("asOf");
        assertThat(date.path("detail").asString()).isEqualTo("Giá trị \"2024-02-30\" của tham số \"asOf\" không hợp lệ."
                + " Cần một ngày theo dạng năm-tháng-ngày (YYYY-MM-DD), ví dụ 2024-12-31.");
        JsonNode instant = refusedGet("/report?knownAt=2026-12-02T10:00", "en");
        assertThat(instant.path("detail").asString()).startsWith("The value \"2026-12-02T10:00\" of parameter"
                + " \"knownAt\" is not valid. Expected an ISO 8601 instant such as 2026-12-02T10:00:00Z");
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/report?knownAt=2026-12-02")).andReturn().getResponse().getStatus())
                .as("a plain date is the end of that day").isEqualTo(200);
    }

    private JsonNode refusedPost(String body, String language) throws Exception {
        MvcResult result = mvc.perform(MockMvcRequestBuilders.post("/things").contentType(MediaType.APPLICATION_JSON)
                .header("Accept-Language", language).content(body)).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(400);
        return JSON.readTree(result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
    }

    private JsonNode refusedGet(String path, String language) throws Exception {
        MvcResult result = mvc.perform(MockMvcRequestBuilders.get(path).header("Accept-Language", language)).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(400);
        return JSON.readTree(result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String message(JsonNode problem, String field) {
        for (JsonNode error : problem.path("errors")) {
            if (error.path("field").asString().equals(field)) {
                return error.path("message").asString();
            }
        }
        throw new AssertionError("no error for " + field + " in " + problem);
    }
}
