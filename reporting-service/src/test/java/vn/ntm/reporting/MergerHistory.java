package vn.ntm.reporting;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import vn.ntm.contracts.Actor;
import vn.ntm.contracts.CriteriaSetPublished;
import vn.ntm.contracts.CriteriaSetStatusChanged;
import vn.ntm.contracts.CriterionStatusChanged;
import vn.ntm.contracts.Envelope;
import vn.ntm.contracts.EventTypes;
import vn.ntm.contracts.IndicatorStatusChanged;
import vn.ntm.contracts.IntegrationPayload;
import vn.ntm.contracts.MeasurementRecorded;
import vn.ntm.contracts.PlanAdopted;
import vn.ntm.contracts.PlanDeadlineMissed;
import vn.ntm.contracts.PlanTaskCompleted;
import vn.ntm.contracts.RecognitionDecided;
import vn.ntm.contracts.RecognitionRequested;
import vn.ntm.contracts.RecognitionStepRecorded;
import vn.ntm.contracts.RewardGranted;
import vn.ntm.contracts.UnitEnded;
import vn.ntm.contracts.UnitMoved;
import vn.ntm.contracts.UnitRef;
import vn.ntm.contracts.UnitRegistered;
import vn.ntm.support.messaging.EventCodec;
import vn.ntm.testing.KafkaTopics;

/**
 * The history around the merger of 1 July 2025, as village-service and criteria-service will publish it: Bắc Giang →
 * Tân Yên → Song Vân (with village Hoàng Vân) and Ngọc Châu in 2024; from 2025-07-01 Song Vân and Ngọc Châu merged into
 * a new xã Ngọc Thiện under Bắc Ninh, Hoàng Vân moved into it, Tân Yên dissolved, Bắc Giang merged into Bắc Ninh.
 * Song Vân's plan 30/KH-UBND, its tasks and a model-village recognition of Hoàng Vân, and statuses before and after.
 * Each scenario gets fresh unit ids, so several can share one database.
 */
final class MergerHistory {

    static final String SET = "TEST-NTMNC";
    static final String VILLAGE_SET = "TEST-THON-KM";
    private static final Actor OFFICER = new Actor("can-bo@songvan", "commune-officer", null);
    private static final Actor PROVINCE = new Actor("ubnd@bacninh", "province-admin", null);

    final String bacGiang = UUID.randomUUID().toString();
    final String tanYen = UUID.randomUUID().toString();
    final String songVan = UUID.randomUUID().toString();
    final String ngocChau = UUID.randomUUID().toString();
    final String hoangVan = UUID.randomUUID().toString();
    final String bacNinh = UUID.randomUUID().toString();
    final String ngocThien = UUID.randomUUID().toString();
    final String planId = "plan-" + UUID.randomUUID();
    final String recognitionId = "rec-" + UUID.randomUUID();
    final List<Envelope<?>> units = new ArrayList<>();
    final List<Envelope<?>> criteria = new ArrayList<>();

    static final LocalDate MERGER = LocalDate.of(2025, 7, 1);
    /** When the correction of Song Vân's electricity indicator was recorded. */
    static final Instant CORRECTION_RECORDED = Instant.parse("2024-10-02T03:00:00Z");
    /** When the merger was recorded, a few days ahead of it. */
    static final Instant MERGER_RECORDED = Instant.parse("2025-06-25T02:00:00Z");

    MergerHistory() {
        UnitRef bg = new UnitRef(bacGiang, "PROVINCE", "Bắc Giang");
        UnitRef ty = new UnitRef(tanYen, "DISTRICT", "Tân Yên");
        UnitRef sv = new UnitRef(songVan, "COMMUNE", "Song Vân");
        UnitRef nc = new UnitRef(ngocChau, "COMMUNE", "Ngọc Châu");
        UnitRef hv = new UnitRef(hoangVan, "VILLAGE", "Hoàng Vân");
        UnitRef bn = new UnitRef(bacNinh, "PROVINCE", "Bắc Ninh");
        UnitRef nt = new UnitRef(ngocThien, "COMMUNE", "Ngọc Thiện");
        LocalDate founded = LocalDate.of(1997, 1, 1);
        Instant early = Instant.parse("2024-03-01T01:00:00Z");
        unit(bacGiang, List.of(bg), founded, early, new UnitRegistered("PROVINCE", "Bắc Giang", null, founded,
                "TDMNPB", null, null, null));
        unit(tanYen, List.of(bg, ty), founded, early, new UnitRegistered("DISTRICT", "Tân Yên", bacGiang, founded,
                null, null, null, null));
        unit(songVan, List.of(bg, ty, sv), founded, early, new UnitRegistered("COMMUNE", "Song Vân", tanYen, founded,
                null, null, null, null));
        unit(ngocChau, List.of(bg, ty, nc), founded, early, new UnitRegistered("COMMUNE", "Ngọc Châu", tanYen,
                founded, null, null, null, null));
        unit(hoangVan, List.of(bg, ty, sv, hv), founded, early, new UnitRegistered("VILLAGE", "Hoàng Vân", songVan,
                founded, null, null, null, null));
        String nq = "Nghị quyết 1658/NQ-UBTVQH15";
        unit(bacNinh, List.of(bn), MERGER, MERGER_RECORDED, new UnitRegistered("PROVINCE", "Bắc Ninh", null, MERGER,
                "DBSH", nq, null, null));
        unit(ngocThien, List.of(bn, nt), MERGER, MERGER_RECORDED, new UnitRegistered("COMMUNE", "Ngọc Thiện",
                bacNinh, MERGER, null, nq, 2, null));
        unit(hoangVan, List.of(bn, nt, hv), MERGER, MERGER_RECORDED, new UnitMoved(ngocThien, songVan, MERGER, nq));
        unit(songVan, List.of(bg, ty, sv), MERGER, MERGER_RECORDED, new UnitEnded("MERGED", List.of(ngocThien),
                MERGER, nq));
        unit(ngocChau, List.of(bg, ty, nc), MERGER, MERGER_RECORDED, new UnitEnded("MERGED", List.of(ngocThien),
                MERGER, nq));
        unit(tanYen, List.of(bg, ty), MERGER, MERGER_RECORDED, new UnitEnded("DISSOLVED", List.of(), MERGER, nq));
        unit(bacGiang, List.of(bg), MERGER, MERGER_RECORDED, new UnitEnded("MERGED", List.of(bacNinh), MERGER, nq));

        LocalDate planned = LocalDate.of(2024, 3, 5);
        Instant planRecorded = Instant.parse("2024-03-05T08:00:00Z");
        unit(songVan, List.of(bg, ty, sv), planned, planRecorded, new PlanAdopted(planId, "30/KH-UBND",
                "Kế hoạch xây dựng xã nông thôn mới nâng cao năm 2024", planned, "Chủ tịch UBND xã", 2024,
                List.of(new PlanAdopted.Target("t-4.2", SET, "4.2", "4",
                                "Tỷ lệ hộ sử dụng điện an toàn đạt 100%", ">=", new BigDecimal("100"), "%",
                                LocalDate.of(2024, 12, 31)),
                        new PlanAdopted.Target("t-income", SET, "10.1", "10", "Thu nhập bình quân ≥ 54 triệu đồng",
                                ">=", new BigDecimal("54"), "triệu đồng/người/năm", LocalDate.of(2024, 12, 31))),
                List.of(new PlanAdopted.RoadmapItem("r-hv", hoangVan, "Hoàng Vân", "MODEL", VILLAGE_SET,
                        LocalDate.of(2024, 12, 31), "Thôn NTM kiểu mẫu quý IV/2024")),
                List.of(new PlanAdopted.Task("task-village-plans", "Các thôn xây dựng kế hoạch",
                                LocalDate.of(2024, 4, 5), "Ban phát triển thôn", List.of()),
                        new PlanAdopted.Task("task-model-plans", "Kế hoạch thôn kiểu mẫu Hoàng Vân, Tân Lập",
                                LocalDate.of(2024, 4, 1), "Công chức Văn hóa - Xã hội", List.of(hoangVan)),
                        new PlanAdopted.Task("task-survey", "Lấy ý kiến sự hài lòng của người dân",
                                LocalDate.of(2026, 11, 30), "Ủy ban MTTQ xã", List.of())),
                List.of(new PlanAdopted.Assignment("Công chức Tài chính - Kế toán", SET, List.of("10"),
                        "theo dõi thu nhập")),
                List.of(new PlanAdopted.RewardRule("reward-model-village", "MODEL", "VILLAGE",
                        new BigDecimal("10000000"), "ngân sách xã", "10 triệu đồng mỗi thôn kiểu mẫu"))));
        unit(songVan, List.of(bg, ty, sv), LocalDate.of(2024, 3, 30), Instant.parse("2024-03-30T08:00:00Z"),
                new PlanTaskCompleted(planId, "task-model-plans", LocalDate.of(2024, 3, 30),
                        LocalDate.of(2024, 4, 1), false, "đã ban hành"));
        unit(songVan, List.of(bg, ty, sv), LocalDate.of(2024, 4, 6), Instant.parse("2024-04-06T00:05:00Z"),
                new PlanDeadlineMissed(planId, "task-village-plans", "Các thôn xây dựng kế hoạch",
                        LocalDate.of(2024, 4, 5), "Ban phát triển thôn"));
        LocalDate requested = LocalDate.of(2024, 11, 1);
        unit(hoangVan, List.of(bg, ty, sv, hv), requested, Instant.parse("2024-11-01T08:00:00Z"),
                new RecognitionRequested(recognitionId, "MODEL", VILLAGE_SET, requested, 5, 5, requested, true,
                        List.of("Báo cáo tự đánh giá")));
        unit(hoangVan, List.of(bg, ty, sv, hv), LocalDate.of(2024, 11, 20), Instant.parse("2024-11-20T08:00:00Z"),
                new RecognitionStepRecorded(recognitionId, "SATISFACTION_SURVEY", LocalDate.of(2024, 11, 20),
                        "Ủy ban MTTQ xã", true, "96% hộ hài lòng",
                        List.of(new RecognitionStepRecorded.SurveyResult(hoangVan, "Hoàng Vân", 250, 240))));
        unit(hoangVan, List.of(bg, ty, sv, hv), LocalDate.of(2024, 12, 20), Instant.parse("2024-12-20T08:00:00Z"),
                new RecognitionDecided(recognitionId, "MODEL", VILLAGE_SET, "2415/QĐ-UBND", LocalDate.of(2024, 12, 20),
                        "UBND huyện Tân Yên"));
        unit(hoangVan, List.of(bg, ty, sv, hv), LocalDate.of(2024, 12, 28), Instant.parse("2024-12-28T08:00:00Z"),
                new RewardGranted(recognitionId, planId, "30/KH-UBND", "reward-model-village",
                        new BigDecimal("10000000"), "ngân sách xã"));

        criteria.add(Envelope.of(UUID.randomUUID(), LocalDate.of(2022, 3, 8), early, OFFICER, null, List.of(),
                new CriteriaSetPublished(SET, SET, 1, "Bộ tiêu chí xã NTM nâng cao (thử)", "Advanced commune (test)",
                        "ADVANCED_COMMUNE", "318/QĐ-TTg", LocalDate.of(2022, 3, 8), null, List.of(
                        new CriteriaSetPublished.Criterion("4", "Điện", "Electricity", List.of(
                                new CriteriaSetPublished.Indicator("4.2", "Tỷ lệ hộ sử dụng điện an toàn",
                                        "Households with safe electricity", "RATE", "GE", "%", List.of()))),
                        new CriteriaSetPublished.Criterion("10", "Thu nhập", "Income", List.of(
                                new CriteriaSetPublished.Indicator("10.1", "Thu nhập bình quân đầu người",
                                        "Income per person", "NUMBER", "GE", "triệu đồng", List.of())))), false)));
        List<UnitRef> svPath = List.of(bg, ty, sv);
        String m1 = "m-" + UUID.randomUUID();
        status(songVan, svPath, LocalDate.of(2024, 3, 5), Instant.parse("2024-03-06T02:00:00Z"),
                new MeasurementRecorded(m1, SET, "4.2", new BigDecimal("99"), 1990L, 2010L, null, "BC-01", null, null,
                        null, 1));
        status(songVan, svPath, LocalDate.of(2024, 3, 5), Instant.parse("2024-03-06T02:00:01Z"),
                new IndicatorStatusChanged(SET, "4", "4.2", "UNKNOWN", "MET", new BigDecimal("99.00"), "GE",
                        new BigDecimal("98"), "%", false, "Research extract, not verified", m1, 1));
        status(songVan, svPath, LocalDate.of(2024, 3, 5), Instant.parse("2024-03-06T02:00:02Z"),
                new CriterionStatusChanged(SET, "4", "UNKNOWN", "MET", "4.2", m1));
        status(songVan, svPath, LocalDate.of(2024, 3, 5), Instant.parse("2024-03-06T02:00:03Z"),
                new CriteriaSetStatusChanged(SET, "UNKNOWN", "MET", 2, 2, List.of(), m1));
        String m2 = "m-" + UUID.randomUUID();
        status(songVan, svPath, LocalDate.of(2024, 9, 30), CORRECTION_RECORDED,
                new MeasurementRecorded(m2, SET, "4.2", new BigDecimal("88.37"), 1900L, 2150L, null, "BC-02", null,
                        null, null, 1));
        status(songVan, svPath, LocalDate.of(2024, 9, 30), CORRECTION_RECORDED.plusSeconds(1),
                new IndicatorStatusChanged(SET, "4", "4.2", "MET", "NOT_MET", new BigDecimal("88.37"), "GE",
                        new BigDecimal("98"), "%", false, "Research extract, not verified", m2, 1));
        status(songVan, svPath, LocalDate.of(2024, 9, 30), CORRECTION_RECORDED.plusSeconds(2),
                new CriteriaSetStatusChanged(SET, "MET", "NOT_MET", 1, 2, List.of("4"), m2));
        String m3 = "m-" + UUID.randomUUID();
        List<UnitRef> ntPath = List.of(bn, nt);
        status(ngocThien, ntPath, LocalDate.of(2026, 1, 10), Instant.parse("2026-01-11T02:00:00Z"),
                new MeasurementRecorded(m3, SET, "4.2", new BigDecimal("99.5"), 7960L, 8000L, null, "BC-NT-01", null,
                        null, null, 1));
        status(ngocThien, ntPath, LocalDate.of(2026, 1, 10), Instant.parse("2026-01-11T02:00:01Z"),
                new IndicatorStatusChanged(SET, "4", "4.2", "UNKNOWN", "MET", new BigDecimal("99.50"), "GE",
                        new BigDecimal("98"), "%", true, "QĐ 318/QĐ-TTg, phụ lục II", m3, 1));
    }

    private void unit(String unit, List<UnitRef> path, LocalDate validOn, Instant recorded, IntegrationPayload p) {
        units.add(Envelope.of(UUID.randomUUID(), validOn, recorded, p instanceof UnitEnded ? PROVINCE : OFFICER, unit,
                path, p));
    }

    private void status(String unit, List<UnitRef> path, LocalDate validOn, Instant recorded, IntegrationPayload p) {
        criteria.add(Envelope.of(UUID.randomUUID(), validOn, recorded, OFFICER, unit, path, p));
    }

    /** Publishes everything onto the real broker, as the two services would. */
    void publish(String brokers, EventCodec codec) {
        units.forEach(e -> send(brokers, codec, EventTypes.UNITS_TOPIC, e));
        criteria.forEach(e -> send(brokers, codec, EventTypes.CRITERIA_TOPIC, e));
    }

    static void send(String brokers, EventCodec codec, String topic, Envelope<?> e) {
        KafkaTopics.send(brokers, topic, e.key(), new String(codec.encode(e), StandardCharsets.UTF_8));
    }
}
