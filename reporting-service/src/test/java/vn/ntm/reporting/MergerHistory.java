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
import vn.ntm.contracts.StatusCause;
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
 * The commune set has two versions (the second, from 2025-01-01, adds a criterion). Statuses are the stretches of
 * timelines criteria-service publishes (schema version 2): each indicator stretch with the criterion and set stretches
 * it changes, a unit's first measurement with its criteria and set unknown from the set's start.
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
    /** Version 2 of the commune set takes effect. */
    static final LocalDate VERSION_2 = LocalDate.of(2025, 1, 1);
    /** When version 2 was published, ahead of its effect. */
    static final Instant VERSION_2_PUBLISHED = Instant.parse("2024-11-15T02:00:00Z");
    /** When the assessments were judged again by version 2: as soon as it was published (ADR 14). */
    static final Instant VERSION_2_ACTIVATED = VERSION_2_PUBLISHED.plusSeconds(60);

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

        // the commune set: version 1 from 2022-03-08 (electricity, income), version 2 from 2025-01-01 adds environment
        LocalDate setStart = LocalDate.of(2022, 3, 8);
        CriteriaSetPublished.Criterion power = new CriteriaSetPublished.Criterion("4", "Điện", "Electricity", List.of(
                new CriteriaSetPublished.Indicator("4.2", "Tỷ lệ hộ sử dụng điện an toàn",
                        "Households with safe electricity", "RATE", "GE", "%", List.of())));
        CriteriaSetPublished.Criterion income = new CriteriaSetPublished.Criterion("10", "Thu nhập", "Income", List.of(
                new CriteriaSetPublished.Indicator("10.1", "Thu nhập bình quân đầu người", "Income per person",
                        "NUMBER", "GE", "triệu đồng", List.of())));
        CriteriaSetPublished.Criterion environment = new CriteriaSetPublished.Criterion("17", "Môi trường",
                "Environment", List.of(new CriteriaSetPublished.Indicator("17.1",
                "Tỷ lệ hộ có nước sạch", "Households with clean water", "RATE", "GE", "%", List.of())));
        criteria.add(Envelope.of(UUID.randomUUID(), setStart, early, OFFICER, null, List.of(),
                new CriteriaSetPublished(SET, SET, 1, "Bộ tiêu chí xã NTM nâng cao (thử)", "Advanced commune (test)",
                        "ADVANCED_COMMUNE", "318/QĐ-TTg", setStart, null, List.of(power, income), false)));
        criteria.add(Envelope.of(UUID.randomUUID(), VERSION_2, VERSION_2_PUBLISHED, PROVINCE, null, List.of(),
                new CriteriaSetPublished(SET, SET, 2, "Bộ tiêu chí xã NTM nâng cao (thử) 2025",
                        "Advanced commune (test) 2025", "ADVANCED_COMMUNE", "211/QĐ-TTg", VERSION_2, null,
                        List.of(power, income, environment), false)));

        // Song Vân's form of 5 March 2024 (one command): both indicators met; its first measurements, so its criteria
        // and its set get stretches from the set's start (unknown until the form's date)
        List<UnitRef> svPath = List.of(bg, ty, sv);
        LocalDate march = LocalDate.of(2024, 3, 5);
        Instant form = Instant.parse("2024-03-06T02:00:00Z");
        String m1 = "m-" + UUID.randomUUID();
        String mIncome = "m-" + UUID.randomUUID();
        StatusCause powerMeasured = new StatusCause(StatusCause.MEASUREMENT_RECORDED, m1, "4.2", march);
        StatusCause incomeMeasured = new StatusCause(StatusCause.MEASUREMENT_RECORDED, mIncome, "10.1", march);
        status(songVan, svPath, march, form, new MeasurementRecorded(m1, SET, "4.2", new BigDecimal("99"), 1990L,
                2010L, null, "BC-01", null, null, null, 1));
        status(songVan, svPath, march, form, new MeasurementRecorded(mIncome, SET, "10.1", new BigDecimal("58"), null,
                null, null, "BC-01", null, null, null, 1));
        status(songVan, svPath, march, form, indicator("4", "4.2", "MET", null, "99.00", "98", false, UNVERIFIED, m1,
                1, powerMeasured));
        status(songVan, svPath, march, form, indicator("10", "10.1", "MET", null, "58", "54", false, UNVERIFIED,
                mIncome, 1, incomeMeasured));
        for (String criterion : List.of("4", "10")) {
            status(songVan, svPath, setStart, form, criterion(criterion, "UNKNOWN", march, 1, incomeMeasured));
            status(songVan, svPath, march, form, criterion(criterion, "MET", null, 1, incomeMeasured));
        }
        status(songVan, svPath, setStart, form, set("UNKNOWN", march, 0, 2, List.of(), 1, incomeMeasured));
        status(songVan, svPath, march, form, set("MET", null, 2, 2, List.of(), 1, incomeMeasured));

        // the end-of-September figure, recorded on 2 October: electricity no longer met, nor its criterion, nor the set
        LocalDate september = LocalDate.of(2024, 9, 30);
        String m2 = "m-" + UUID.randomUUID();
        StatusCause septemberMeasured = new StatusCause(StatusCause.MEASUREMENT_RECORDED, m2, "4.2", september);
        status(songVan, svPath, september, CORRECTION_RECORDED, new MeasurementRecorded(m2, SET, "4.2",
                new BigDecimal("88.37"), 1900L, 2150L, null, "BC-02", null, null, null, 1));
        status(songVan, svPath, september, CORRECTION_RECORDED, indicator("4", "4.2", "NOT_MET", null, "88.37", "98",
                false, UNVERIFIED, m2, 1, septemberMeasured));
        status(songVan, svPath, september, CORRECTION_RECORDED, criterion("4", "NOT_MET", null, 1,
                septemberMeasured));
        status(songVan, svPath, september, CORRECTION_RECORDED, set("NOT_MET", null, 1, 2, List.of("4"), 1,
                septemberMeasured));

        // version 2 takes effect: Song Vân judged again from 2025-01-01 by it (environment unknown)
        StatusCause rules = new StatusCause(StatusCause.RULES_CHANGED, null, null, VERSION_2);
        status(songVan, svPath, VERSION_2, VERSION_2_ACTIVATED, indicator("4", "4.2", "NOT_MET", null, "88.37", "98",
                false, UNVERIFIED, m2, 2, rules));
        status(songVan, svPath, VERSION_2, VERSION_2_ACTIVATED, indicator("10", "10.1", "MET", null, "58", "54",
                false, UNVERIFIED, mIncome, 2, rules));
        status(songVan, svPath, VERSION_2, VERSION_2_ACTIVATED, criterion("4", "NOT_MET", null, 2, rules));
        status(songVan, svPath, VERSION_2, VERSION_2_ACTIVATED, criterion("10", "MET", null, 2, rules));
        status(songVan, svPath, VERSION_2, VERSION_2_ACTIVATED, criterion("17", "UNKNOWN", null, 2, rules));
        status(songVan, svPath, VERSION_2, VERSION_2_ACTIVATED, set("NOT_MET", null, 1, 3, List.of("4"), 2, rules));

        // Ngọc Thiện's first measurement, January 2026: its criteria and set are unknown from the set's start, by
        // the version in force on each date
        LocalDate january = LocalDate.of(2026, 1, 10);
        Instant ntRecorded = Instant.parse("2026-01-11T02:00:00Z");
        String m3 = "m-" + UUID.randomUUID();
        StatusCause ntMeasured = new StatusCause(StatusCause.MEASUREMENT_RECORDED, m3, "4.2", january);
        List<UnitRef> ntPath = List.of(bn, nt);
        status(ngocThien, ntPath, january, ntRecorded, new MeasurementRecorded(m3, SET, "4.2", new BigDecimal("99.5"),
                7960L, 8000L, null, "BC-NT-01", null, null, null, 2));
        status(ngocThien, ntPath, january, ntRecorded, indicator("4", "4.2", "MET", null, "99.50", "98", true,
                "QĐ 318/QĐ-TTg, phụ lục II", m3, 2, ntMeasured));
        status(ngocThien, ntPath, setStart, ntRecorded, criterion("4", "UNKNOWN", VERSION_2, 1, ntMeasured));
        status(ngocThien, ntPath, VERSION_2, ntRecorded, criterion("4", "UNKNOWN", january, 2, ntMeasured));
        status(ngocThien, ntPath, january, ntRecorded, criterion("4", "MET", null, 2, ntMeasured));
        status(ngocThien, ntPath, setStart, ntRecorded, criterion("10", "UNKNOWN", VERSION_2, 1, ntMeasured));
        status(ngocThien, ntPath, VERSION_2, ntRecorded, criterion("10", "UNKNOWN", null, 2, ntMeasured));
        status(ngocThien, ntPath, VERSION_2, ntRecorded, criterion("17", "UNKNOWN", null, 2, ntMeasured));
        status(ngocThien, ntPath, setStart, ntRecorded, set("UNKNOWN", VERSION_2, 0, 2, List.of(), 1, ntMeasured));
        status(ngocThien, ntPath, VERSION_2, ntRecorded, set("UNKNOWN", january, 0, 3, List.of(), 2, ntMeasured));
        status(ngocThien, ntPath, january, ntRecorded, set("UNKNOWN", null, 1, 3, List.of(), 2, ntMeasured));
    }

    static final String UNVERIFIED = "Research extract, not verified";

    /** An indicator's stretch, from the envelope's valid date until {@code until} (null: open-ended). */
    static IndicatorStatusChanged indicator(String criterion, String code, String status, LocalDate until,
                                            String value, String threshold, boolean verified, String source,
                                            String measurement, int version, StatusCause cause) {
        return new IndicatorStatusChanged(SET, criterion, code, status, until,
                value == null ? null : new BigDecimal(value), "GE", threshold == null ? null : new BigDecimal(threshold),
                code.equals("10.1") ? "triệu đồng" : "%", verified, source, measurement, version, cause);
    }

    static CriterionStatusChanged criterion(String code, String status, LocalDate until, int version,
                                            StatusCause cause) {
        return new CriterionStatusChanged(SET, code, status, until, version, cause);
    }

    static CriteriaSetStatusChanged set(String status, LocalDate until, int met, int total, List<String> notMet,
                                        int version, StatusCause cause) {
        return new CriteriaSetStatusChanged(SET, status, until, met, total, notMet, version, cause);
    }

    /**
     * What criteria-service publishes when a unit's electricity indicator changes to {@code status} from {@code on}
     * (a date of version 2's period) on, its income and environment unknown: the indicator's stretch with the
     * criterion's and the set's stretches it changes; for the unit's {@code first} measurement also its criteria and
     * set unknown from the set's start, by the version in force on each date.
     */
    static List<Envelope<?>> powerFrom(String unit, List<UnitRef> path, LocalDate on, Instant recorded, Actor actor,
                                       String status, String value, boolean first) {
        String measurement = "m-" + UUID.randomUUID();
        StatusCause cause = new StatusCause(StatusCause.MEASUREMENT_RECORDED, measurement, "4.2", on);
        boolean met = status.equals("MET");
        List<Envelope<?>> out = new ArrayList<>();
        java.util.function.BiConsumer<LocalDate, IntegrationPayload> add = (from, payload) ->
                out.add(Envelope.of(UUID.randomUUID(), from, recorded, actor, unit, path, payload));
        add.accept(on, indicator("4", "4.2", status, null, value, "98", true, "QĐ 318/QĐ-TTg, phụ lục II",
                measurement, 2, cause));
        if (first) {
            LocalDate setStart = LocalDate.of(2022, 3, 8);
            add.accept(setStart, criterion("4", "UNKNOWN", VERSION_2, 1, cause));
            add.accept(VERSION_2, criterion("4", "UNKNOWN", on, 2, cause));
            add.accept(setStart, criterion("10", "UNKNOWN", VERSION_2, 1, cause));
            add.accept(VERSION_2, criterion("10", "UNKNOWN", null, 2, cause));
            add.accept(VERSION_2, criterion("17", "UNKNOWN", null, 2, cause));
            add.accept(setStart, set("UNKNOWN", VERSION_2, 0, 2, List.of(), 1, cause));
            add.accept(VERSION_2, set("UNKNOWN", on, 0, 3, List.of(), 2, cause));
        }
        add.accept(on, criterion("4", status, null, 2, cause));
        add.accept(on, set(met ? "UNKNOWN" : "NOT_MET", null, met ? 1 : 0, 3, met ? List.of() : List.of("4"), 2,
                cause));
        return out;
    }

    /** How many status stretches (indicator, criterion, set) the history has for these units. */
    int stretchesOf(String... unitIds) {
        List<String> wanted = List.of(unitIds);
        return (int) criteria.stream().filter(e -> e.unitId() != null && wanted.contains(e.unitId()))
                .filter(e -> e.payload() instanceof IndicatorStatusChanged || e.payload() instanceof CriterionStatusChanged
                        || e.payload() instanceof CriteriaSetStatusChanged).count();
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
