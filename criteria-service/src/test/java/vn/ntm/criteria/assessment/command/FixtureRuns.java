package vn.ntm.criteria.assessment.command;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;

/** Runs of the assessment on Axon's fixture, with the day the tests are set in (7 December 2026 in Vietnam). */
final class FixtureRuns {

    /** Calendar dates are Vietnam's, as the service's shared clock gives them. */
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    /** 07:00 on 7 December 2026 in Vietnam. */
    static final Clock TODAY = Clock.fixed(Instant.parse("2026-12-07T00:00:00Z"), VIETNAM);

    private FixtureRuns() {
    }

    static AggregateTestFixture<Assessment> fixture() {
        AggregateTestFixture<Assessment> fixture = new AggregateTestFixture<>(Assessment.class);
        fixture.registerInjectableResource(TODAY);
        return fixture;
    }

    /** The payloads a command published, in order; fails the test if its handler threw. */
    static List<Object> payloads(ResultValidator<Assessment> result) {
        List<Object> payloads = new ArrayList<>();
        result.expectSuccessfulHandlerExecution().expectEventsMatching(new BaseMatcher<List<EventMessage<?>>>() {
            @Override
            public boolean matches(Object events) {
                ((List<?>) events).forEach(e -> payloads.add(((EventMessage<?>) e).getPayload()));
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("any events");
            }
        });
        return payloads;
    }
}
