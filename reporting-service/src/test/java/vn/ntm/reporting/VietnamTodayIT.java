package vn.ntm.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import vn.ntm.testing.JsonHttp;
import vn.ntm.testing.ServiceIntegrationTest;
import vn.ntm.testing.ServiceUnderTest;

/**
 * "Today" is the date in Vietnam. At 00:30 on 15 January 2026 in Hà Nội it is still 14 January in UTC (17:30): a
 * report asked without a date is of the 15th. The service's own clock (service-support's, in Asia/Ho_Chi_Minh) is
 * stopped at that instant and keeps its zone; a controller that built its own clock (the system's zone, or UTC), or a
 * clock in UTC, would answer the 14th or the real date.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = "ntm.test.suite=vietnam-today")
@Import(VietnamTodayIT.HalfPastMidnightInHanoi.class)
@DirtiesContext
class VietnamTodayIT {

    static final Instant HALF_PAST_MIDNIGHT_IN_HANOI = Instant.parse("2026-01-14T17:30:00Z");

    @Autowired
    Clock clock;

    private final ServiceUnderTest service;

    VietnamTodayIT(ServiceUnderTest service) {
        this.service = service;
    }

    /** The service's clock stopped at 17:30 UTC, in the zone it was given. */
    @TestConfiguration
    static class HalfPastMidnightInHanoi {

        @Bean
        static BeanPostProcessor stoppedClock() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof Clock running ? Clock.fixed(HALF_PAST_MIDNIGHT_IN_HANOI, running.getZone())
                            : bean;
                }
            };
        }
    }

    @Test
    void theServiceClockIsInVietnam() {
        assertThat(clock.getZone()).isEqualTo(ZoneId.of("Asia/Ho_Chi_Minh"));
        assertThat(clock.instant()).isEqualTo(HALF_PAST_MIDNIGHT_IN_HANOI);
    }

    @Test
    void theMatrixAskedWithoutADateIsOfTheVietnameseToday() {
        JsonHttp.Response matrix = service.http().get("/api/matrix");

        assertThat(matrix.status()).as(matrix.toString()).isEqualTo(200);
        assertThat(matrix.json().path("asOf").asString()).isEqualTo("2026-01-15");
        assertThat(Instant.parse(matrix.json().path("knownAt").asString())).isEqualTo(HALF_PAST_MIDNIGHT_IN_HANOI);
    }

    @Test
    void theExportAskedWithoutADateIsOfTheVietnameseToday() {
        JsonHttp.Response export = service.http()
                .get("/api/exports/matrix.csv");

        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        assertThat(export.headers().entrySet()).filteredOn(h -> h.getKey().equalsIgnoreCase("Content-Disposition"))
                .flatExtracting(h -> h.getValue()).anySatisfy(
                        disposition -> assertThat(disposition).contains("ma-tran-tieu-chi-2026-01-15.csv"));
    }
}
