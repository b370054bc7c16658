package vn.ntm.support.web;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.StringHttpMessageConverter;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A MockMvc over some endpoints with the shared problem handler and the advices under test, Vietnamese by default. */
final class ProblemMvc {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MockMvc mvc;

    ProblemMvc(Object endpoints, Object... advices) {
        WebAutoConfiguration configuration = new WebAutoConfiguration();
        Object[] all = new Object[advices.length + 1];
        System.arraycopy(advices, 0, all, 0, advices.length);
        all[advices.length] = new ProblemHandler(configuration.problemMessages());
        mvc = MockMvcBuilders.standaloneSetup(endpoints).setControllerAdvice(all)
                .setMessageConverters(new StringHttpMessageConverter(), new JacksonJsonHttpMessageConverter(strictJson()))
                .setLocaleResolver((AcceptHeaderLocaleResolver) configuration.localeResolver()).build();
    }

    /** Read as the services read JSON ({@link WebAutoConfiguration#strictJsonReading}). */
    private static JsonMapper strictJson() {
        JsonMapper.Builder builder = JsonMapper.builder().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class);
        new WebAutoConfiguration().strictJsonReading().customize(builder);
        return builder.build();
    }

    MvcResult perform(RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn();
    }

    /** The problem detail the request was answered with. */
    JsonNode problem(RequestBuilder request) throws Exception {
        MvcResult result = perform(request);
        return JSON.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
