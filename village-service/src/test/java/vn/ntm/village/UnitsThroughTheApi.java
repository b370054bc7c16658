package vn.ntm.village;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import vn.ntm.testing.JsonHttp;
import vn.ntm.testing.ServiceUnderTest;

/**
 * What village-service's integration tests share: the service under test, an operator's HTTP client to it, units
 * registered through {@code POST /api/units}, and a count of the events its store holds.
 */
public abstract class UnitsThroughTheApi {

    protected final ServiceUnderTest service;

    protected UnitsThroughTheApi(ServiceUnderTest service) {
        this.service = service;
    }

    protected JsonHttp http() {
        return service.http();
    }

    /** The id of the unit registered from {@code body}; the test fails when the service refuses it. */
    protected String register(Map<String, String> body) {
        JsonHttp.Response response = http().post("/api/units", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().path("id").asString();
    }

    protected long storedEvents() {
        return service.jdbc().queryForObject("select count(*) from domain_event_entry", Long.class);
    }
}
