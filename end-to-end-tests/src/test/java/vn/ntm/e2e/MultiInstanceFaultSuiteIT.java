package vn.ntm.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import vn.ntm.launcher.Platform;
import vn.ntm.launcher.ServiceProcess;
import vn.ntm.testing.JsonHttp;

/**
 * The multi-instance fault suite: two instances of each service on one database per service and one broker. While a
 * paced stream of commands goes to either instance, one instance of village-service, criteria-service and
 * reporting-service in turn is killed with SIGKILL at a moment its consumer group has records in flight, its work
 * is taken over by the survivor (measured: Kafka partitions via the group's assignment, Axon's kafka-publisher
 * segments via {@code token_entry}), and it is started again. A command the client sends to a killed instance is
 * refused (the connection is) and written down so; the client then sends it to the other instance. Then the second
 * reporting instance is killed and a replay started on the first as the group begins to rebalance; the replay must
 * finish and its generation equal the one it replaced. The ledger is
 * reconciled by id with each event store and every read model after the kills and again after the replay: 0 lost,
 * 0 duplicated, 0 phantoms (see {@link Reconciliation}). Takeover times are printed, never asserted; each wait is
 * bounded only so that work that never moves fails the suite.
 */
class MultiInstanceFaultSuiteIT {

    private static final String SET = "VN-XA-NTMNC-2021-2025";
    private static final Duration PACE = Duration.ofMillis(200);
    private static final int BURST = 40;
    private static final Duration BOUND = Duration.ofSeconds(180);
    /** A restarted instance's readiness: as long as the launcher waits for one (-Dntm.ready-timeout-seconds). */
    private static final Duration READY = Duration.ofSeconds(Integer.getInteger("ntm.ready-timeout-seconds", 180));
    private static final String LOG = "[multi-instance suite] ";

    /**
     * A service's consumer group as its application.yml binds it: the topics it reads and how many consumers
     * (bindings) each instance puts in the group; {@code publishes} when it runs Axon's kafka-publisher.
     */
    private record Group(String service, String group, Set<String> topics, int membersPerInstance,
                         boolean publishes) {
    }

    private static final Group VILLAGE = new Group("village", "village-service", Set.of("ntm.criteria"), 1, true);
    private static final Group CRITERIA = new Group("criteria", "criteria-service", Set.of("ntm.units"), 1, true);
    private static final Group REPORTING = new Group("reporting", "reporting-service",
            Set.of("ntm.units", "ntm.criteria"), 2, false);

    private final List<String> figures = new ArrayList<>();

    @AfterAll
    static void stopPlatform() {
        MultiInstancePlatform.close();
    }

    @Test
    void killingOneInstanceOfEachServiceAndRebalancingDuringAReplayLosesAndDuplicatesNothing() throws Exception {
        long platformAsked = System.nanoTime();
        Platform platform = MultiInstancePlatform.get();
        System.out.printf(LOG + "two instances of each service ready in %d s%n",
                Duration.ofNanos(System.nanoTime() - platformAsked).toSeconds());
        long suiteStarted = System.nanoTime();
        JsonHttp village = MultiInstancePlatform.client(platform.village(0));
        String province = created(village.post("/api/units", Map.of("level", "PROVINCE",
                "name", "Tỉnh kiểm thử nhiều bản", "validFrom", "2024-01-01", "region", "TDMNPB")));
        String commune = created(village.post("/api/units", Map.of("level", "COMMUNE",
                "name", "Xã kiểm thử nhiều bản", "parentId", province, "validFrom", "2024-01-01")));
        MultiInstancePlatform.client(platform.criteria(0)).post("/api/criteria-sets/shipped/" + SET, "");
        await().atMost(Duration.ofSeconds(60)).until(() ->
                MultiInstancePlatform.client(platform.criteria(1)).get("/api/units/" + commune).status() == 200);

        CommandStream stream = new CommandStream(platform, commune);
        stream.ledger.units.accept(province, province);
        stream.ledger.units.accept(commune, commune);
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        pacer.scheduleAtFixedRate(stream::sendNext, 0, PACE.toMillis(), TimeUnit.MILLISECONDS);
        try (ConsumerLag lag = new ConsumerLag(platform.kafka().bootstrapServers());
             Takeover takeover = new Takeover(platform)) {
            for (Group group : List.of(VILLAGE, CRITERIA, REPORTING)) {
                killOneInstance(platform, group, stream, lag, takeover);
            }
        } finally {
            pacer.shutdown();
            assertThat(pacer.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
        for (String service : List.of("village", "criteria", "reporting")) {
            for (ServiceProcess instance : platform.instances(service)) {
                instance.awaitReady(READY);
            }
        }
        CommandLedger ledger = stream.ledger;
        System.out.printf(LOG + "ledger: %s; %s; %d refused by a killed instance and sent to the other; answers"
                        + " other than 2xx by status: %s%n", ledger.units.summary(), ledger.measurements.summary(),
                stream.resent.get(), stream.answered);
        assertThat(stream.resent.get()).as("some commands met a killed instance: the kills overlapped the stream")
                .isGreaterThan(0);
        assertThat(ledger.units.accepted()).as("each registration answered with the id the client chose")
                .allSatisfy((sent, answered) -> assertThat(answered).isEqualTo(sent));
        reconcile(platform, ledger, commune, "after the kills");

        try (Takeover takeover = new Takeover(platform)) {
            rebalanceDuringAReplay(platform, takeover);
        }
        reconcile(platform, ledger, commune, "after the replay (the rebuilt generation is live)");
        int deadLetters = 0;
        for (String service : List.of("criteria", "reporting")) {
            deadLetters += MultiInstancePlatform.client(platform.instances(service).get(0)).get("/api/dead-letters")
                    .json().size();
        }
        System.out.printf(LOG + "takeovers and the replay:%n  %s%n", String.join("\n  ", figures));
        System.out.printf(LOG + "dead letters %d; %d s from the first command to the end%n", deadLetters,
                Duration.ofNanos(System.nanoTime() - suiteStarted).toSeconds());
        assertThat(deadLetters).as("no fault pushed a good message aside as a dead letter").isZero();
    }

    /**
     * Kills (SIGKILL) the instance of {@code group}'s service that holds more kafka-publisher segments while the group
     * has records in flight, measures the survivor's takeover and starts the killed one again (its readiness is
     * awaited before reconciling, not here: the next service's kill need not wait for it).
     */
    private void killOneInstance(Platform platform, Group group, CommandStream stream, ConsumerLag lag,
                                 Takeover takeover) throws Exception {
        List<ServiceProcess> instances = platform.instances(group.service());
        takeover.awaitGroup(group.group(), group.topics(), group.membersPerInstance() * instances.size(), BOUND);
        ServiceProcess victim = instances.get(0);
        int held = 0;
        int segments = 0;
        if (group.publishes()) {
            segments = takeover.owners(group.service()).size();
            int first = takeover.segmentsOf(group.service(), instances.get(0).pid());
            int second = takeover.segmentsOf(group.service(), instances.get(1).pid());
            victim = second > first ? instances.get(1) : instances.get(0);
            held = Math.max(first, second);
        }
        ServiceProcess survivor = instances.get(0) == victim ? instances.get(1) : instances.get(0);
        long killedAt = killWhileBehind(lag, victim, group, stream);
        CompletableFuture<Duration> kafka = CompletableFuture.supplyAsync(() -> takeover.kafka(group.group(),
                group.topics(), group.membersPerInstance() * (instances.size() - 1), killedAt, BOUND));
        Duration axon = group.publishes() ? takeover.axon(group.service(), survivor, killedAt, BOUND) : null;
        Duration partitions = kafka.get(BOUND.toSeconds() + 10, TimeUnit.SECONDS);
        victim.start();
        figures.add(String.format("kill -9 %s: Kafka group %s on the survivor after %.1f s%s", victim.name(),
                group.group(), partitions.toMillis() / 1000.0, axon == null ? "" : String.format(
                        "; %s's %d of %d segments all claimed by the survivor after %.1f s", Takeover.PUBLISHER,
                        held, segments, axon.toMillis() / 1000.0)));
        System.out.println(LOG + figures.get(figures.size() - 1));
    }

    /** Sends bursts until {@code group} is seen behind the log end, then kills {@code victim}; the kill's nanoTime. */
    private static long killWhileBehind(ConsumerLag lag, ServiceProcess victim, Group group, CommandStream stream)
            throws Exception {
        ExecutorService sender = Executors.newSingleThreadExecutor();
        try {
            for (int attempt = 1; attempt <= 5; attempt++) {
                Future<?> sending = sender.submit(stream.burst(BURST));
                long settledAt = Long.MAX_VALUE;
                while (System.nanoTime() < settledAt) {
                    long behind = lag.behind(group.group(), group.topics());
                    if (behind > 0) {
                        long killedAt = System.nanoTime();
                        victim.kill();
                        System.out.printf(LOG + "killed %s with its group %s %d records behind (burst %d)%n",
                                victim.name(), group.group(), behind, attempt);
                        sending.get(120, TimeUnit.SECONDS);
                        return killedAt;
                    }
                    if (sending.isDone() && settledAt == Long.MAX_VALUE) {
                        settledAt = System.nanoTime() + Duration.ofSeconds(3).toNanos();
                    }
                }
                sending.get();
            }
            throw new AssertionError("the group " + group.group() + " was never seen behind the log end: the kill"
                    + " could not be timed while records were in flight");
        } finally {
            sender.shutdownNow();
        }
    }

    /**
     * Kills (SIGKILL) the second reporting instance and, the moment the consumer group starts to rebalance (when the
     * killed members' session has timed out), starts a replay on the first one, so that the survivor takes over the
     * partitions while the replay reads history and swaps generations. Whether the group was indeed still rebalancing
     * when the replay started is printed, not asserted (a replay of this size takes seconds). The replay must finish
     * DONE and its generation equal the one it replaced; the killed instance is then started again and rejoins.
     */
    private void rebalanceDuringAReplay(Platform platform, Takeover takeover) throws Exception {
        ServiceProcess runner = platform.reporting(0);
        ServiceProcess killed = platform.reporting(1);
        JsonHttp reporting = MultiInstancePlatform.client(runner);
        int members = REPORTING.membersPerInstance() * 2;
        takeover.awaitGroup(REPORTING.group(), REPORTING.topics(), members, BOUND);
        long killedAt = System.nanoTime();
        killed.kill();
        takeover.awaitRebalanceBegins(REPORTING.group(), members, BOUND);
        long rebalanceBegan = System.nanoTime();
        JsonHttp.Response started = reporting.post("/api/replay", "");
        long replayStarted = System.nanoTime();
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        CompletableFuture<Duration> rebalanced = CompletableFuture.supplyAsync(() -> takeover.kafka(
                REPORTING.group(), REPORTING.topics(), REPORTING.membersPerInstance(), killedAt, BOUND));
        await().atMost(BOUND).pollInterval(Duration.ofMillis(100)).until(() -> {
            String state = MultiInstancePlatform.client(runner).get("/api/replay").json().path("state").asString();
            assertThat(state).as("the replay's state").isNotIn("FAILED", "CANCELLED");
            return state.equals("DONE");
        });
        long replayDone = System.nanoTime();
        long rebalanceDone = killedAt + rebalanced.get(BOUND.toSeconds() + 10, TimeUnit.SECONDS).toNanos();
        long restartedAt = System.nanoTime();
        killed.start();
        killed.awaitReady(READY);
        takeover.awaitGroup(REPORTING.group(), REPORTING.topics(), members, BOUND);
        Duration rejoined = Duration.ofNanos(System.nanoTime() - restartedAt);
        JsonHttp.Response progress = reporting.get("/api/replay");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                reporting.get("/api/replay/comparison").json().path("equal").asBoolean())
                .as("the rebuilt generation equals the one it replaced: %s",
                        reporting.get("/api/replay/comparison").body()).isTrue());
        boolean overlapped = rebalanceBegan < replayDone && rebalanceDone > replayStarted;
        figures.add(String.format("kill -9 %s: the group rebalancing from %.1f s to %.1f s after the kill (then on"
                        + " the survivor); replay on %s from %.1f s to %.1f s (%d events, DONE): %s; the killed"
                        + " instance started again, back in the group after %.1f s; generations equal",
                killed.name(), seconds(rebalanceBegan - killedAt), seconds(rebalanceDone - killedAt), runner.name(),
                seconds(replayStarted - killedAt), seconds(replayDone - killedAt),
                progress.json().path("eventsDone").asLong(),
                overlapped ? "the rebalance overlapped the replay" : "no overlap this time (printed, not asserted)",
                seconds(rejoined.toNanos())));
        System.out.println(LOG + figures.get(figures.size() - 1));
    }

    private static double seconds(long nanos) {
        return Math.round(nanos / 100_000_000.0) / 10.0;
    }

    /** Waits until nothing is missing downstream, then asserts nothing lost, duplicated or phantom. */
    private static void reconcile(Platform platform, CommandLedger ledger, String commune, String when)
            throws Exception {
        await().atMost(BOUND).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            Reconciliation r = Reconciliation.of(platform, ledger, SET, commune);
            assertThat(r.lost() + r.phantom()).as("lost and phantom rows so far:%n%s", r.report()).isZero();
        });
        Reconciliation r = Reconciliation.of(platform, ledger, SET, commune);
        System.out.printf(LOG + "reconciliation %s, by id, per table:%n%s%n", when, r.report());
        System.out.printf(LOG + "%s: lost %d, duplicated %d, phantom %d%n", when, r.lost(), r.duplicated(),
                r.phantom());
        assertThat(r.lost()).as("lost%n%s", r.report()).isZero();
        assertThat(r.duplicated()).as("duplicated%n%s", r.report()).isZero();
        assertThat(r.phantom()).as("phantoms%n%s", r.report()).isZero();
    }

    /**
     * Alternates unit registrations (village-service) and measurements (criteria-service), each pair to the next
     * instance in turn, each written down in the ledger. A refused connection (a killed instance) is written down as
     * refused, then the same command goes to the other instance.
     */
    private static final class CommandStream {
        private final Platform platform;
        private final String commune;
        private final CommandLedger ledger = new CommandLedger();
        private final AtomicInteger sent = new AtomicInteger();
        private final AtomicInteger resent = new AtomicInteger();
        /** Answers other than 2xx, by status. */
        private final Map<Integer, AtomicInteger> answered = new java.util.concurrent.ConcurrentSkipListMap<>();

        CommandStream(Platform platform, String commune) {
            this.platform = platform;
            this.commune = commune;
        }

        void sendNext() {
            int i = sent.getAndIncrement();
            int first = (i / 2) % MultiInstancePlatform.INSTANCES;
            if (i % 2 == 0) {
                String id = UUID.randomUUID().toString();
                send(ledger.units, id, platform.instances("village"), first, client -> client.post("/api/units",
                        Map.of("id", id, "level", "VILLAGE", "name", String.format("Thôn nhiều bản %04d", i),
                                "parentId", commune, "validFrom", "2024-01-01")),
                        answer -> answer.json().path("id").asString());
            } else {
                String validOn = LocalDate.of(2022, 4, 1).plusDays(i).toString();
                send(ledger.measurements, validOn, platform.instances("criteria"), first, client -> client.post(
                        "/api/units/" + commune + "/measurements", Map.of("criteriaSet", SET, "indicatorCode", "4.2",
                                "value", 90 + i % 10, "validOn", validOn)),
                        answer -> answer.json().path("measurementId").asString());
            }
        }

        private void send(CommandLedger.Book book, String key, List<ServiceProcess> instances, int first,
                          Function<JsonHttp, JsonHttp.Response> command,
                          Function<JsonHttp.Response, String> idOf) {
            for (int attempt = 0; attempt < instances.size(); attempt++) {
                ServiceProcess target = instances.get((first + attempt) % instances.size());
                boolean[] refused = {false};
                book.send(key, () -> {
                    try {
                        JsonHttp.Response answer = command.apply(MultiInstancePlatform.client(target));
                        if (answer.status() / 100 != 2) {
                            answered.computeIfAbsent(answer.status(), n -> new AtomicInteger()).incrementAndGet();
                        }
                        return answer;
                    } catch (UncheckedIOException e) {
                        refused[0] = e.getCause() instanceof ConnectException;
                        throw e;
                    }
                }, idOf);
                if (!refused[0]) {
                    return;
                }
                resent.incrementAndGet();
            }
        }

        /** {@code commands} more of the stream, four at a time. */
        Runnable burst(int commands) {
            return Burst.of(this::sendNext, commands);
        }
    }

    private static String created(JsonHttp.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().path("id").asString();
    }
}
