package vn.ntm.village.programme.api;

/** The steps after a request, in the order decision 18/2022/QĐ-TTg sets them. */
public enum RecognitionStep {
    /** công khai lấy ý kiến: the self-assessment is published for comment */
    PUBLIC_COMMENT,
    /** lấy ý kiến sự hài lòng: the Fatherland Front surveys households, village by village */
    SATISFACTION_SURVEY,
    /** thẩm tra: the level above checks the dossier */
    HIGHER_LEVEL_CHECK,
    /** thẩm định: the province appraises */
    APPRAISAL,
    /** công bố: the decision is published (after the decision) */
    PUBLICATION
}
