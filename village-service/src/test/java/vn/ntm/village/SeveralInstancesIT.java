package vn.ntm.village;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import vn.ntm.support.config.InstanceId;
import vn.ntm.support.scheduling.ExclusiveJob;
import vn.ntm.testing.AnotherInstance;
import vn.ntm.testing.JsonHttp;
import vn.ntm.testing.KafkaTopics;
import vn.ntm.testing.ServiceIntegrationTest;
import vn.ntm.testing.ServiceUnderTest;

/**
 * Two instances of village-service in one JVM on one database and one broker (docs/adr/0017): the Kafka publisher's
 * 16 segments shared between them, all of them taken by the survivor when the other stops or dies, and the deadline
 * watch fired on both at once run by one. Takeover times are logged (SeveralInstancesIT lines), never asserted.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = {"ntm.test.suite=several-instances", "ntm.deadlines.initial-delay-ms=3600000"})
@DirtiesContext
class SeveralInstancesIT {

    private static final Logger LOG = LoggerFactory.getLogger(SeveralInstancesIT.class);
    private static final String PUBLISHER = "kafka-publisher";
    private static final int SEGMENTS = 16;

    private final ServiceUnderTest first;
    private AnotherInstance second;

    SeveralInstancesIT(ServiceUnderTest first) {
        this.first = first;
    }

    @BeforeEach
    void startTheSecondInstance() {
        second = AnotherInstance.beside(first, VillageServiceApplication.class,
                "ntm.deadlines.initial-delay-ms=3600000");
    }

    @AfterEach
    void stopTheSecondInstance() {
        second.close();
    }

    /**
     * Catches a balancer that never releases (the first instance keeps all 16, the second none: the state before
     * issue 18), one that releases everything or counts instances wrongly (no settling at 8 and 8), and a survivor
     * that does not take the segments of an instance that stopped (a command's event never reaches the topic).
     */
    @Test
    void twoInstancesShareThePublisherAndTheSurvivorOfACleanStopTakesItAll() {
        awaitEvenSplit();

        long stopping = System.nanoTime();
        second.close();
        long stopped = System.nanoTime();
        await().atMost(Duration.ofSeconds(60)).until(() -> heldBy(first) == SEGMENTS);
        // the survivor may still be within the release-for of the segments it gave up at the split
        LOG.info("SeveralInstancesIT: a clean stop took {} ms; the survivor held all {} segments {} ms after it",
                (stopped - stopping) / 1_000_000, SEGMENTS, (System.nanoTime() - stopped) / 1_000_000);

        assertPublishedThrough(first);
    }

    /**
     * A killed instance, as the database sees it: it stops renewing its claims and its heartbeat at once and releases
     * nothing (its connection pool is closed under it). Catches a survivor that waits for a release that never comes,
     * and a balancer that still counts the dead instance and gives back what the survivor took.
     */
    @Test
    void theSurvivorOfAnInstanceThatDiedTakesItsSegmentsOnceTheirClaimsTimeOut() {
        awaitEvenSplit();

        long died = System.nanoTime();
        second.context().getBean(HikariDataSource.class).close();
        await().atMost(Duration.ofSeconds(90)).until(() -> heldBy(first) == SEGMENTS);
        LOG.info("SeveralInstancesIT: after the other instance died the survivor held all {} segments in {} ms"
                + " (claim timeout {})", SEGMENTS, (System.nanoTime() - died) / 1_000_000,
                first.context().getEnvironment().getProperty("axon.eventhandling.tokenstore.claim-timeout"));
        // stays taken: the dead instance's heartbeat is stale, so nothing is given back to it
        await().during(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(20))
                .until(() -> heldBy(first) == SEGMENTS);

        assertPublishedThrough(first);
    }

    /**
     * Catches a scheduled job without a lock shared by the instances: both would run the deadline watch (two runs
     * reported, two commands for the one missed task; the plan records the miss once either way, so the runs are
     * counted, not only the events).
     */
    @Test
    void theDeadlineWatchFiredOnBothInstancesAtOnceRunsOnce() throws Exception {
        String province = register(Map.of("level", "PROVINCE", "name", "Tỉnh " + UUID.randomUUID(),
                "validFrom", "2024-03-05", "region", "TDMNPB"));
        String commune = register(Map.of("level", "COMMUNE", "name", "Song Vân", "parentId", province,
                "validFrom", "2024-03-05"));
        JsonHttp.Response adopted = first.http().post("/api/units/" + commune + "/plans", Map.of(
                "number", "30/KH-UBND", "title", "Kế hoạch năm 2024", "adoptedOn", "2024-03-05",
                "signer", "Chủ tịch UBND", "year", 2024, "tasks", List.of(Map.of("id", "village-plans",
                        "description", "Các thôn xây dựng kế hoạch", "dueDate", "2024-04-05"))));
        assertThat(adopted.status()).as(adopted.toString()).isEqualTo(201);
        String plan = adopted.json().path("planId").asString();

        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<Boolean>> runs = Stream.of(first.context(), second.context())
                .map(context -> context.getBean("deadlineWatchJob", ExclusiveJob.class))
                .map(job -> CompletableFuture.supplyAsync(() -> {
                    meet(together);
                    return job.runIfFree();
                })).toList();
        List<Boolean> ran = runs.stream().map(CompletableFuture::join).toList();

        assertThat(ran).as("ran on the first, on the second").containsExactlyInAnyOrder(true, false);
        assertThat(first.jdbc().queryForObject("select count(*) from domain_event_entry"
                + " where aggregate_identifier = ? and payload_type like '%PlanDeadlineMissed'", Long.class, plan))
                .isEqualTo(1);
        ServiceUnderTest runner = ran.get(0) ? first : second.service();
        assertThat(first.jdbc().queryForObject("select locked_by from shedlock where name = ?", String.class,
                "village-service.deadline-watch")).isEqualTo(id(runner));
    }

    private void awaitEvenSplit() {
        long started = System.nanoTime();
        await().atMost(Duration.ofSeconds(90)).until(() -> heldBy(first) == SEGMENTS / 2
                && heldBy(second.service()) == SEGMENTS / 2);
        LOG.info("SeveralInstancesIT: the segments were split 8/8 {} ms after the second instance was up",
                (System.nanoTime() - started) / 1_000_000);
    }

    private int heldBy(ServiceUnderTest instance) {
        return first.jdbc().queryForObject("select count(*) from token_entry where processor_name = ? and owner = ?",
                Integer.class, PUBLISHER, id(instance));
    }

    private static String id(ServiceUnderTest instance) {
        return instance.bean(InstanceId.class).value();
    }

    private void assertPublishedThrough(ServiceUnderTest instance) {
        String unit = instance.http().post("/api/units", Map.of("level", "PROVINCE", "name",
                "Tỉnh " + UUID.randomUUID(), "validFrom", "2024-03-05", "region", "TDMNPB")).json().path("id")
                .asString();
        long stored = first.jdbc().queryForObject("select count(*) from domain_event_entry", Long.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> KafkaTopics.read(first.brokers(), "ntm.units",
                (int) stored, Duration.ofSeconds(10)).stream().anyMatch(r -> unit.equals(r.key())));
    }

    private String register(Map<String, String> body) {
        JsonHttp.Response response = first.http().post("/api/units", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().path("id").asString();
    }

    private static void meet(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
