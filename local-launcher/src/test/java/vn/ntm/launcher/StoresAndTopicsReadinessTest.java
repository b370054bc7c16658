package vn.ntm.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The run command stops waiting, with the service's reason, when a service says its event store and its topics hold
 * different histories (databases reset while Kafka's data was kept). Catches: a launcher that keeps polling a
 * readiness that can never turn UP and ends with a bare "not ready within 3 minutes", or one that stops on any DOWN.
 */
class StoresAndTopicsReadinessTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aDisagreementIsReportedWithTheServicesReasons() {
        var readiness = JSON.readTree("""
                {"status":"DOWN","components":{"db":{"status":"UP"},"storeTopics":{"status":"DOWN","details":{
                 "ntm.units":{"state":"DISAGREE","reason":"ntm.units holds events of another event store"}}}}}""");
        assertThat(ServiceProcess.storesAndTopicsDisagree(readiness))
                .hasValue("ntm.units holds events of another event store");
    }

    @Test
    void anotherComponentDownIsWaitedFor() {
        var readiness = JSON.readTree("""
                {"status":"DOWN","components":{"binders":{"status":"DOWN"},"storeTopics":{"status":"UP"}}}""");
        assertThat(ServiceProcess.storesAndTopicsDisagree(readiness)).isEmpty();
    }

    @Test
    void aServiceWithoutTheCheckIsWaitedFor() {
        assertThat(ServiceProcess.storesAndTopicsDisagree(JSON.readTree("{\"status\":\"UP\"}"))).isEmpty();
    }
}
