package vn.ntm.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import vn.ntm.support.web.WebAutoConfiguration;
import vn.ntm.testing.JsonHttp;
import vn.ntm.testing.ServiceIntegrationTest;
import vn.ntm.testing.ServiceUnderTest;

/**
 * "Today" is the date in Vietnam: at 00:30 on 1 July 2025 there (17:30 UTC on 30 June) an officer records the new
 * day's figures. The service runs on a clock fixed at that instant in Asia/Ho_Chi_Minh, as service-support's shared
 * clock would be then; catches any "today" or "future date" check that reads the date in UTC or the machine's zone
 * ({@code LocalDate.now()}), which would refuse the measurement as dated in the future.
 */
@ServiceIntegrationTest
@Import(TodayInVietnamIT.HalfPastMidnightInVietnam.class)
class TodayInVietnamIT extends CommuneWithShippedSet {

    private static final String SET = "VN-XA-NTMNC-2021-2025";

    /** Replaces the shared clock (declared only when none is): 00:30 on 1 July 2025 in Vietnam. */
    @TestConfiguration(proxyBeanMethods = false)
    static class HalfPastMidnightInVietnam {
        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2025-06-30T17:30:00Z"), WebAutoConfiguration.VIETNAM);
        }
    }

    TodayInVietnamIT(ServiceUnderTest service) {
        super(service, SET);
    }

    @Test
    void aMeasurementDatedTheNewDayInVietnamIsAcceptedAtHalfPastMidnight() {
        JsonHttp.Response recorded = measure("2025-07-01");
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        assertThat(recorded.json().path("indicator").path("validOn").asString()).isEqualTo("2025-07-01");
    }

    @Test
    void aMeasurementDatedTheNextDayIsRefusedAsInTheFuture() {
        JsonHttp.Response refused = measure("2025-07-02");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.problemType()).isEqualTo("date-in-future");
    }

    /** The standing without {@code asOf} is the standing of today in Vietnam, not of yesterday in UTC. */
    @Test
    void theStandingOfTodayIsTheStandingOfTheNewDayInVietnam() {
        JsonHttp.Response standing = http().get("/api/units/" + commune + "/standing?criteriaSet=" + SET);
        assertThat(standing.status()).as(standing.toString()).isEqualTo(200);
        assertThat(standing.json().path("asOf").asString()).isEqualTo("2025-07-01");
    }

    private JsonHttp.Response measure(String validOn) {
        return http().post("/api/units/" + commune + "/measurements", Map.of("criteriaSet", SET,
                "indicatorCode", "10", "value", 54, "validOn", validOn));
    }
}
