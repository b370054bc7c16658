package vn.ntm.contracts;

import java.math.BigDecimal;

/**
 * A commune officer recorded a measurement of one indicator (chỉ tiêu) for a unit. Exactly one of
 * {@code value}, {@code numerator}/{@code denominator} or {@code passed} is set, by the indicator's kind.
 *
 * <p>Schema version 2: the evidence travels as one object. Version 1 ({@link MeasurementRecordedV1}, flat evidence
 * fields) is still read: consumers get it as this record.
 *
 * @param evidence   what the figure rests on: a document, a link, a note, and for a pass/fail indicator the office
 *                   that assessed it; never null
 * @param setVersion the version of the criteria set the measurement was judged by
 */
public record MeasurementRecorded(String measurementId, String criteriaSetId, String indicatorCode,
                                  BigDecimal value, Long numerator, Long denominator, Boolean passed,
                                  Evidence evidence, int setVersion)
        implements IntegrationPayload {

    /** What a measurement rests on. */
    public record Evidence(String document, String link, String note, String assessedBy) {

        public static final Evidence NONE = new Evidence(null, null, null, null);
    }

    public MeasurementRecorded {
        evidence = evidence == null ? Evidence.NONE : evidence;
    }

    /** The flat form producers and consumers were written against (schema version 1's fields). */
    public MeasurementRecorded(String measurementId, String criteriaSetId, String indicatorCode, BigDecimal value,
                               Long numerator, Long denominator, Boolean passed, String evidenceDocument,
                               String evidenceLink, String evidenceNote, String assessedBy, int setVersion) {
        this(measurementId, criteriaSetId, indicatorCode, value, numerator, denominator, passed,
                new Evidence(evidenceDocument, evidenceLink, evidenceNote, assessedBy), setVersion);
    }

    public String evidenceDocument() {
        return evidence.document();
    }

    public String evidenceLink() {
        return evidence.link();
    }

    public String evidenceNote() {
        return evidence.note();
    }

    /** The office that assessed a pass/fail indicator. */
    public String assessedBy() {
        return evidence.assessedBy();
    }
}
