package vn.ntm.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ntm.testing.HostileInputs.FRESH;
import static vn.ntm.testing.HostileInputs.body;
import static vn.ntm.testing.HostileInputs.get;
import static vn.ntm.testing.HostileInputs.post;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The corpus derives its variants from one valid request, as the services' HostileInputITs rely on. */
class HostileInputsTest {

    private static HostileCase named(List<HostileCase> cases, String variant) {
        return cases.stream().filter(c -> c.variant().equals(variant)).findFirst()
                .orElseThrow(() -> new AssertionError("no case " + variant + " in " + cases));
    }

    @Test
    void aBodyFieldGetsEachHostileStringAndOnlyFreeTextMayAcceptThem() {
        List<HostileCase> cases = post("/api/units/{unit}/renames", body("name", "Xã " + FRESH, "count", 3,
                "items", List.of(Map.of("code", "4.2")))).with("unit", "u-1").required("name").lenient("items[0].code")
                .wholeNumbers("count").eachItemOf("items").cases();

        HostileCase nul = named(cases, "name = nul-character");
        assertThat(nul.path()).isEqualTo("/api/units/u-1/renames");
        assertThat(new String(nul.body(), StandardCharsets.UTF_8)).contains("Song\\u0000V").doesNotContain(FRESH);
        assertThat(nul.mayBeAccepted()).isFalse();
        assertThat(named(cases, "items[0].code = sql-injection").mayBeAccepted()).isTrue();
        assertThat(new String(named(cases, "count = fraction").body(), StandardCharsets.UTF_8)).contains("\"count\":1.5");
        assertThat(new String(named(cases, "name missing").body(), StandardCharsets.UTF_8)).doesNotContain("name");
        assertThat(named(cases, "wrong method PUT").method()).isEqualTo("PUT");
        assertThat(named(cases, "accept application/xml").headers()).containsEntry("Accept", "application/xml");
    }

    @Test
    void anOptionalQueryParameterMayBeGivenEmptyAndARequiredOneMissingIsRefused() {
        List<HostileCase> cases = get("/api/report?asOf={asOf}&unit={unit?}").with("asOf", "2025-01-01")
                .with("unit", "u-1").dates("asOf").cases();

        assertThat(named(cases, "{unit} = empty").mayBeAccepted()).isTrue();
        assertThat(named(cases, "{asOf} missing").path()).isEqualTo("/api/report?unit=u-1");
        assertThat(named(cases, "{asOf} = february-30").path()).isEqualTo("/api/report?asOf=2024-02-30&unit=u-1");
    }

    @Test
    void onlyAProperProblemDetailIsAProperRefusal() {
        JsonHttp.Response problem = new JsonHttp.Response(400, """
                {"type":"urn:ntm:problem:invalid-request","title":"Yêu cầu không hợp lệ","status":400,
                 "detail":"Vui lòng sửa các trường sau: name"}""", Map.of("Content-Type",
                List.of("application/problem+json")));
        assertThat(HostileAnswers.problemFault(problem)).isEmpty();
        assertThat(HostileAnswers.problemFault(new JsonHttp.Response(400, "<html/>", Map.of("Content-Type",
                List.of("text/html"))))).hasValueSatisfying(fault -> assertThat(fault).startsWith("not a problem"));
        HostileCase accepted = named(get("/api/units/{unit}").with("unit", "u-1").cases(), "{unit} = sql-injection");
        assertThat(HostileAnswers.fault(accepted, new JsonHttp.Response(200, "{}", Map.of())))
                .hasValue("accepted: expected a 4xx refusal");
    }
}
