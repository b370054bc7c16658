package vn.ntm.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.ntm.testing.JsonHttp;
import vn.ntm.testing.ValidTimeFact;

/**
 * Issue 14 end to end: the smaller sample of the model-based test. Random histories — measurements of criterion 4
 * (electricity: 4.1 pass/fail, 4.2 a rate) in any order of valid date, two on one date, corrections, retractions —
 * are recorded through criteria-service's API for fresh communes, travel over Kafka, and are folded by
 * reporting-service. For every step K of every history and every date D of interest, reporting's unit tree "as of D,
 * as known at K" must show what a plain function of the facts known at K says of D: each indicator's status and the
 * criterion's. Catches, end to end, a back-dated fact that does not reach reporting's past, a stretch folded as if
 * it had no end, a criterion left behind its indicators, and "as known at" answered from facts recorded later.
 */
class ValidTimeFlowIT {

    private static final String SET = "VN-XA-NTMNC-2021-2025";
    private static final List<LocalDate> DATES = List.of(LocalDate.of(2023, 3, 31), LocalDate.of(2023, 6, 30),
            LocalDate.of(2023, 9, 30), LocalDate.of(2023, 12, 31), LocalDate.of(2024, 6, 30));
    private static final int HISTORIES = 3;
    private static final int STEPS = 7;

    /** A measurement as the oracle knows it: a pass/fail (4.1) or households of ten (4.2). */
    private record Fact(String id, String indicator, LocalDate validOn, Object value, int order, boolean retracted)
            implements ValidTimeFact {
    }

    @Test
    void reportingAnswersEveryDateAsKnownAtEveryStepAsTheFactsThenKnownSay() {
        long seed = Long.getLong("ntm.e2e.seed", System.nanoTime());
        System.out.println("ValidTimeFlowIT seed: " + seed + " (rerun with -Dntm.e2e.seed=" + seed + ")");
        Random random = new Random(seed);
        JsonHttp village = RunningPlatform.village();
        assertThat(RunningPlatform.criteria().post("/api/criteria-sets/shipped/" + SET, "").status()).isIn(201, 409);
        String province = created(village.post("/api/units", Map.of("level", "PROVINCE",
                "name", "Tỉnh kiểm thử thời gian hiệu lực", "validFrom", "2022-01-01", "region", "TDMNPB")));
        for (int h = 0; h < HISTORIES; h++) {
            String commune = created(village.post("/api/units", Map.of("level", "COMMUNE",
                    "name", "Xã kiểm thử thời gian hiệu lực " + (h + 1), "parentId", province,
                    "validFrom", "2022-01-01")));
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> RunningPlatform.criteria().get("/api/units/" + commune).status() == 200);
            check(commune, run(commune, random));
        }
    }

    /** The facts after each step, with the instant just after the step was answered. */
    private record Known(Instant at, List<Fact> facts, BigDecimal threshold) {
    }

    private static List<Known> run(String commune, Random random) {
        JsonHttp criteria = RunningPlatform.criteria();
        List<Fact> facts = new ArrayList<>();
        List<Known> known = new ArrayList<>();
        BigDecimal threshold = null;
        for (int step = 0; step < STEPS; step++) {
            List<Fact> counting = facts.stream().filter(f -> !f.retracted()).toList();
            int kind = counting.isEmpty() ? 0 : random.nextInt(6);
            JsonHttp.Response response;
            if (kind <= 3) {
                String indicator = random.nextBoolean() ? "4.1" : "4.2";
                LocalDate on = DATES.get(random.nextInt(DATES.size() - 1)).minusDays(random.nextInt(2) * 40L);
                Object value = indicator.equals("4.1") ? (Object) random.nextBoolean() : (Object) random.nextInt(11);
                if (facts.stream().anyMatch(f -> !f.retracted() && f.indicator().equals(indicator)
                        && f.validOn().equals(on) && f.value().equals(value))) {
                    continue;
                }
                Map<String, Object> body = new LinkedHashMap<>(Map.of("criteriaSet", SET, "indicatorCode", indicator,
                        "validOn", on.toString(), "evidence", Map.of("office", "Sở Công Thương (kiểm thử)")));
                body.putAll(valueOf(indicator, value));
                response = criteria.post("/api/units/" + commune + "/measurements", body);
                assertThat(response.status()).as(response.toString()).isEqualTo(201);
                facts.add(new Fact(response.json().path("measurementId").asString(), indicator, on, value,
                        facts.size(), false));
                if (indicator.equals("4.2")) {
                    threshold = response.json().path("indicator").path("threshold").decimalValue();
                }
            } else {
                Fact target = counting.get(random.nextInt(counting.size()));
                String path = "/api/units/" + commune + "/measurements/" + target.id();
                if (kind == 4) {
                    Object value = target.indicator().equals("4.1") ? (Object) !((Boolean) target.value())
                            : (Object) ((((Integer) target.value()) + 1 + random.nextInt(9)) % 11);
                    Map<String, Object> body = new LinkedHashMap<>(valueOf(target.indicator(), value));
                    body.put("reason", "Sửa theo biên bản (kiểm thử)");
                    response = criteria.post(path + "/corrections", body);
                    facts.set(facts.indexOf(target), new Fact(target.id(), target.indicator(), target.validOn(),
                            value, target.order(), false));
                } else {
                    response = criteria.post(path + "/retraction", Map.of("reason", "Nhập nhầm (kiểm thử)"));
                    facts.set(facts.indexOf(target), new Fact(target.id(), target.indicator(), target.validOn(),
                            target.value(), target.order(), true));
                }
                assertThat(response.status()).as(response.toString()).isEqualTo(200);
            }
            known.add(new Known(Instant.now(), List.copyOf(facts), threshold));
        }
        return known;
    }

    private static Map<String, Object> valueOf(String indicator, Object value) {
        return indicator.equals("4.1") ? Map.of("passed", value)
                : Map.of("numerator", value, "denominator", 10);
    }

    private static void check(String commune, List<Known> known) {
        Known last = known.get(known.size() - 1);
        BigDecimal threshold = last.threshold() != null ? last.threshold() : new BigDecimal("98");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (LocalDate on : DATES) {
                assertThat(reported(commune, on, null)).as("as of %s, now", on)
                        .isEqualTo(oracle(last.facts(), on, threshold));
            }
        });
        for (Known k : known) {
            for (LocalDate on : DATES) {
                assertThat(reported(commune, on, k.at())).as("as of %s, as known at %s, facts %s", on, k.at(),
                        k.facts()).isEqualTo(oracle(k.facts(), on, threshold));
            }
        }
    }

    /** What reporting shows of criterion 4 for the commune: 4.1, 4.2 (when a measurement governs) and 4. */
    private static Map<String, String> reported(String commune, LocalDate on, Instant knownAt) {
        JsonNode tree = RunningPlatform.reporting().get("/api/units?asOf=" + on
                + (knownAt == null ? "" : "&knownAt=" + knownAt)).json();
        JsonNode node = MeasurementFlowIT.find(tree, commune);
        Map<String, String> statuses = new TreeMap<>();
        if (node == null) {
            return statuses;
        }
        node.path("statuses").forEach(s -> {
            String code = s.path("indicatorCode").asString();
            if (s.path("criteriaSet").asString(SET).equals(SET) && (code.equals("4.1") || code.equals("4.2"))
                    && !s.path("status").asString().equals("UNKNOWN")) {
                statuses.put(code, s.path("status").asString());
            }
        });
        node.path("rollups").forEach(r -> {
            if (r.path("criteriaSet").asString().equals(SET) && r.path("criterionCode").asString("").equals("4")) {
                statuses.put("4", r.path("status").asString());
            }
        });
        statuses.putIfAbsent("4", "UNKNOWN");
        return statuses;
    }

    /** The statuses the facts give for one date, from scratch. */
    private static Map<String, String> oracle(List<Fact> facts, LocalDate on, BigDecimal threshold) {
        Map<String, String> statuses = new TreeMap<>();
        List<String> parts = new ArrayList<>();
        for (String indicator : List.of("4.1", "4.2")) {
            Fact governing = ValidTimeFact.governing(facts, indicator, on);
            String status = "UNKNOWN";
            if (governing != null) {
                status = indicator.equals("4.1") ? ((Boolean) governing.value() ? "MET" : "NOT_MET")
                        : BigDecimal.valueOf((Integer) governing.value() * 10L).compareTo(threshold) >= 0 ? "MET"
                        : "NOT_MET";
                statuses.put(indicator, status);
            }
            parts.add(status);
        }
        statuses.put("4", parts.contains("NOT_MET") ? "NOT_MET"
                : parts.stream().allMatch("MET"::equals) ? "MET" : "UNKNOWN");
        return statuses;
    }

    private static String created(JsonHttp.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().path("id").asString();
    }
}
