package vn.ntm.criteria;

import org.junit.jupiter.api.BeforeEach;
import vn.ntm.testing.JsonHttp;
import vn.ntm.testing.ServiceUnderTest;

/**
 * What the integration tests that record a commune's figures share: before each test a new commune arrives from
 * village-service (as its events) and the shipped criteria set it is measured against is loaded.
 */
abstract class CommuneWithShippedSet {

    protected final ServiceUnderTest service;
    private final String set;

    /** The commune's id, once criteria-service knows it. */
    String commune;

    CommuneWithShippedSet(ServiceUnderTest service, String set) {
        this.service = service;
        this.set = set;
    }

    JsonHttp http() {
        return service.http();
    }

    @BeforeEach
    void communeArrivesFromVillageService() {
        commune = VillageServiceEvents.communeWithShippedSet(service, set);
    }
}
