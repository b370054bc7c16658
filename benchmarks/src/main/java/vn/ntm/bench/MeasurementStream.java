package vn.ntm.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * An endless, deterministic stream of plausible measurements for a group of communes against one criteria set.
 *
 * <p>Consecutive measurements go to different communes (the pairs run indicator by indicator, commune by commune),
 * as when a whole province reports at once. Each (commune, indicator) pair gets valid dates that never repeat and
 * that stride through the set's whole period — the first four of a pair span about four years — so any prefix of
 * the stream is "several years of history", and criteria-service never refuses one as a duplicate.
 *
 * <p>The stream also gives whole forms ({@link #nextForm}): one commune's indicators on one date, as a commune
 * officer fills them in. A commune's indicators walk through the same dates (the n-th date of each of its pairs is
 * the same day), so a form takes the next date none of its pairs has used yet; single measurements and forms drawn
 * from one stream never repeat a date of a pair either.
 */
public final class MeasurementStream {

    /** The office a pass/fail assessment must name; says it is synthetic, as the units do. */
    static final String OFFICE = "Phòng thử nghiệm (số liệu tổng hợp)";

    /** One measurement to record: exactly one of value, numerator with denominator, passed. */
    public record Measurement(long sequence, UUID unitId, String criteriaSet, String indicatorCode, LocalDate validOn,
                              BigDecimal value, Long numerator, Long denominator, Boolean passed, String office) {

        /** The request body of {@code POST /api/units/{unitId}/measurements}. */
        public Map<String, Object> request() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("criteriaSet", criteriaSet);
            body.putAll(formItem());
            body.put("validOn", validOn.toString());
            return body;
        }

        /** The same measurement as an item of a form: the indicator, the value and the evidence. */
        Map<String, Object> formItem() {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("indicatorCode", indicatorCode);
            if (value != null) {
                item.put("value", value);
            } else if (numerator != null) {
                item.put("numerator", numerator);
                item.put("denominator", denominator);
            } else {
                item.put("passed", passed);
            }
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("document", document());
            if (office != null) {
                evidence.put("office", office);
            }
            item.put("evidence", evidence);
            return item;
        }

        public String document() {
            return "BENCH-" + sequence;
        }

        /** What identifies it on the dashboard feed and in reporting's measurement log. */
        public String key() {
            return unitId + "|" + indicatorCode + "|" + validOn;
        }
    }

    /** A measurement form: several indicators of one commune, all valid on one date. */
    public record Form(UUID unitId, String criteriaSet, LocalDate validOn, List<Measurement> items) {

        /** The request body of {@code POST /api/units/{unitId}/measurement-forms}. */
        public Map<String, Object> request() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("criteriaSet", criteriaSet);
            body.put("validOn", validOn.toString());
            body.put("items", items.stream().map(Measurement::formItem).toList());
            return body;
        }
    }

    private record Pair(UUID unitId, Indicator indicator, int offset) {
    }

    private final String criteriaSet;
    /** By indicator, then commune: the pair of indicator i and commune c is at {@code i * communes + c}. */
    private final List<Pair> pairs = new ArrayList<>();
    private final int communes;
    private final int indicators;
    private final int[] counters;
    private final LocalDate first;
    private final int span;
    private final int stride;
    private final long sequenceBase;
    private long next;
    private int forms;

    /**
     * @param first        the first valid date (the set's effective date)
     * @param last         the last valid date (the set's end, or today)
     * @param sequenceBase where this stream's sequence numbers start, so that streams never share a document name
     */
    public MeasurementStream(String criteriaSet, List<SyntheticProvince.Unit> communes, List<Indicator> indicators,
                             LocalDate first, LocalDate last, long sequenceBase) {
        this.criteriaSet = criteriaSet;
        this.first = first;
        this.span = SyntheticProvince.days(first, last);
        this.stride = strideFor(span);
        this.sequenceBase = sequenceBase;
        this.communes = communes.size();
        this.indicators = indicators.size();
        for (Indicator indicator : indicators) {
            for (SyntheticProvince.Unit commune : communes) {
                pairs.add(new Pair(commune.id(), indicator, Math.floorMod(commune.id().hashCode(), span)));
            }
        }
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("No commune or no indicator to measure");
        }
        counters = new int[pairs.size()];
    }

    /** About a quarter of the span, and coprime with it, so a pair's dates cycle through every day before repeating. */
    static int strideFor(int span) {
        int stride = Math.max(1, span / 4 + 1);
        while (gcd(stride, span) != 1) {
            stride++;
        }
        return stride;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /** How many measurements the stream can give before a pair would reuse a date. */
    public long capacity() {
        return (long) pairs.size() * span;
    }

    public synchronized Measurement next() {
        int p = (int) (next % pairs.size());
        return measurement(p, counters[p]);
    }

    /**
     * The next form: the next commune in turn, its first {@code maxItems} indicators in the set's order, on the
     * first date that none of their pairs has used yet.
     */
    public synchronized Form nextForm(int maxItems) {
        int commune = forms++ % communes;
        int size = Math.min(maxItems, indicators);
        int n = 0;
        for (int i = 0; i < size; i++) {
            n = Math.max(n, counters[i * communes + commune]);
        }
        List<Measurement> items = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            items.add(measurement(i * communes + commune, n));
        }
        return new Form(items.get(0).unitId(), criteriaSet, items.get(0).validOn(), items);
    }

    /** Forms holding {@code measurements} measurements in all: each of every indicator, the last perhaps fewer. */
    public synchronized List<Form> forms(int measurements) {
        List<Form> forms = new ArrayList<>();
        for (int left = measurements; left > 0; left -= forms.get(forms.size() - 1).items().size()) {
            forms.add(nextForm(left));
        }
        return forms;
    }

    /** The measurement of pair {@code p} on its {@code n}-th date; the pair's later ones take later dates. */
    private Measurement measurement(int p, int n) {
        long sequence = sequenceBase + next;
        next++;
        if (n >= span) {
            throw new IllegalStateException("Stream exhausted: every valid date of a pair is used (" + capacity() + ")");
        }
        counters[p] = n + 1;
        Pair pair = pairs.get(p);
        LocalDate validOn = first.plusDays(Math.floorMod(pair.offset() + (long) n * stride, span));
        SplittableRandom random = new SplittableRandom(sequence * 0x9E3779B97F4A7C15L + p);
        Indicator indicator = pair.indicator();
        return switch (indicator.kind()) {
            case "PASS_FAIL" -> new Measurement(sequence, pair.unitId(), criteriaSet, indicator.code(), validOn,
                    null, null, null, random.nextInt(100) < 85, OFFICE);
            case "RATE" -> {
                long denominator = 800 + random.nextInt(2_400);
                long numerator = Math.round(denominator * (0.80 + 0.20 * random.nextDouble()));
                yield new Measurement(sequence, pair.unitId(), criteriaSet, indicator.code(), validOn, null,
                        numerator, denominator, null, null);
            }
            case "MUST_BE_NONE" -> new Measurement(sequence, pair.unitId(), criteriaSet, indicator.code(), validOn,
                    BigDecimal.valueOf(random.nextInt(100) < 90 ? 0 : 1 + random.nextInt(3)), null, null, null, null);
            default -> new Measurement(sequence, pair.unitId(), criteriaSet, indicator.code(), validOn,
                    number(indicator, random), null, null, null, null);
        };
    }

    /** A number in the indicator's own scale: income in million VND per person and year, floor area, or a percent. */
    private static BigDecimal number(Indicator indicator, SplittableRandom random) {
        String unit = indicator.unit() == null ? "" : indicator.unit();
        double value;
        if (unit.contains("triệu")) {
            value = 35 + 40 * random.nextDouble();
        } else if (unit.contains("m2")) {
            value = 1 + 4 * random.nextDouble();
        } else {
            value = 60 + 40 * random.nextDouble();
        }
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }
}
