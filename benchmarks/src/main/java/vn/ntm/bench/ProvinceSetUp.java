package vn.ntm.bench;

import static org.awaitility.Awaitility.await;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Before anything is timed: the criteria set installed, the synthetic province registered in village-service and
 * known to criteria-service and reporting-service, and a warm-up.
 */
final class ProvinceSetUp {

    private final BenchmarkRun run;

    ProvinceSetUp(BenchmarkRun run) {
        this.run = run;
    }

    /** Installs the shipped set, registers every unit level by level and waits until the others know them. */
    CriteriaSetInUse setUp() throws SQLException {
        String criteria = run.criteriaUrl();
        run.http.post(criteria + "/api/criteria-sets/shipped/" + BenchmarkRun.SET, Map.of()).require(200, 201, 409);
        CriteriaSetInUse set = CriteriaSetInUse.of(
                run.http.get(criteria + "/api/criteria-sets/" + BenchmarkRun.SET).require(200).json(), run.today());
        run.results.details().put("indicators", set.indicators().size());
        run.log("criteria set " + BenchmarkRun.SET + ": " + set.indicators().size() + " indicators, valid dates "
                + set.firstDay() + " .. " + set.lastDay());

        SyntheticProvince province = run.province;
        List<SyntheticProvince.Unit> units = province.registrationOrder();
        long t = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(run.settings.clients());
        try {
            for (String level : List.of("PROVINCE", "DISTRICT", "COMMUNE", "VILLAGE")) {
                List<CompletableFuture<Void>> registrations = units.stream().filter(u -> u.level().equals(level))
                        .map(u -> CompletableFuture.runAsync(() -> register(u), pool)).toList();
                CompletableFuture.allOf(registrations.toArray(CompletableFuture[]::new)).join();
            }
        } finally {
            pool.shutdownNow();
        }
        double registering = Progress.seconds(t);
        run.log("registered " + units.size() + " units in " + Progress.round(registering) + " s; waiting for "
                + "criteria-service and reporting-service to learn them");
        List<SyntheticProvince.Unit> unknown = new ArrayList<>(province.assessedCommunes());
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500)).until(() -> {
            unknown.removeIf(u -> run.http.get(criteria + "/api/units/" + u.id()).status() == 200);
            return unknown.isEmpty();
        });
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
                .until(() -> run.count("select count(*) from unit_view") >= units.size());
        run.results.details().put("units", Map.of("registered", units.size(), "communes", province.communes().size(),
                "villages", province.villages().size(), "growthCommunes", province.growthA().size() * 2,
                "registrationSeconds", registering, "knownEverywhereSeconds", Progress.seconds(t)));
        return set;
    }

    private void register(SyntheticProvince.Unit unit) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", unit.id().toString());
        body.put("level", unit.level());
        body.put("name", unit.name());
        if (unit.parentId() != null) {
            body.put("parentId", unit.parentId().toString());
        }
        body.put("validFrom", SyntheticProvince.VALID_FROM.toString());
        if (unit.region() != null) {
            body.put("region", unit.region());
        }
        body.put("legalBasis", "Dữ liệu tổng hợp cho đo hiệu năng (synthetic benchmark data)");
        run.http.post(run.platform.village().baseUrl() + "/api/units", body).require(201, 409);
    }

    /**
     * A few measurements per client before anything is timed, so the first timed test (growth on an empty store)
     * does not pay for class loading and JIT compilation that the later ones would not. They go to the province's
     * communes and stay part of its history; the store is still all but empty.
     */
    void warmUp(MeasurementStream provinceStream) throws SQLException {
        int count = run.settings.clients() * 25;
        run.log("warming up with " + count + " measurements");
        long before = run.measurementsInReporting();
        ClosedLoop.Outcome warm = ClosedLoop.run(run.http, run.criteriaUrl(), provinceStream, count,
                run.settings.clients());
        run.requireMostlyAccepted("warm-up", warm);
        run.awaitMeasurementsInReporting(before + warm.accepted(), Duration.ofMinutes(10), Duration.ofMillis(100));
        run.results.details().put("warmUp", Map.of("measurements", warm.accepted(), "perSecond", warm.perSecond()));
    }
}
