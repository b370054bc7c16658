package vn.ntm.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What Tomcat refuses before any servlet runs, answered by a real embedded Tomcat with the valve on its host. */
class ContainerProblemValveTest {

    @TempDir
    Path baseDir;

    private Tomcat tomcat;
    private int port;

    @BeforeEach
    void start() throws Exception {
        tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        tomcat.setPort(0);
        Context context = tomcat.addContext("", baseDir.toString());
        Tomcat.addServlet(context, "ok", new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                response.getWriter().write("ok");
            }
        });
        context.addServletMappingDecoded("/*", "ok");
        tomcat.getConnector();
        tomcat.start();
        // added once the host runs, as Spring Boot's context customizer does: after the host's own error report valve
        tomcat.getHost().getPipeline().addValve(new ContainerProblemValve(new WebAutoConfiguration().problemMessages()));
        port = tomcat.getConnector().getLocalPort();
    }

    @AfterEach
    void stop() throws Exception {
        tomcat.stop();
        tomcat.destroy();
    }

    @Test
    void anEncodedSlashIsAProblemDetailInVietnamese() throws Exception {
        HttpResponse<String> response = get("/units%2Fx", "vi");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JsonMapper.builder().build().readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("type").asString()).isEqualTo("urn:ntm:problem:bad-request");
        assertThat(problem.path("detail").asString()).isEqualTo("Dịch vụ không xử lý được yêu cầu này (mã HTTP 400)."
                + " Vui lòng kiểm tra lại địa chỉ, tham số và nội dung gửi lên.");
    }

    @Test
    void englishWhenAskedForFirst() throws Exception {
        JsonNode problem = JsonMapper.builder().build().readTree(get("/units%2Fx", "en, vi;q=0.5").body());
        assertThat(problem.path("detail").asString()).doesNotContain("Dịch vụ").contains("400");
    }

    @Test
    void anOrdinaryRequestPassesUntouched() throws Exception {
        assertThat(get("/units/x", "vi").body()).isEqualTo("ok");
    }

    private HttpResponse<String> get(String path, String language) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept-Language", language).build(), HttpResponse.BodyHandlers.ofString());
    }
}
