package vn.ntm.contracts;

import java.math.BigDecimal;

/**
 * {@link MeasurementRecorded} as schema version 1 put it on the wire, with the evidence as flat fields. Kept so that
 * records already on Kafka (topics are kept, and replayed) and producers not yet upgraded stay readable; consumers
 * never see it, the codec hands them {@link #upcast()}.
 */
public record MeasurementRecordedV1(String measurementId, String criteriaSetId, String indicatorCode,
                                    BigDecimal value, Long numerator, Long denominator, Boolean passed,
                                    String evidenceDocument, String evidenceLink, String evidenceNote,
                                    String assessedBy, int setVersion)
        implements IntegrationPayload, OlderVersion {

    @Override
    public MeasurementRecorded upcast() {
        return new MeasurementRecorded(measurementId, criteriaSetId, indicatorCode, value, numerator, denominator,
                passed, new MeasurementRecorded.Evidence(evidenceDocument, evidenceLink, evidenceNote, assessedBy),
                setVersion);
    }
}
