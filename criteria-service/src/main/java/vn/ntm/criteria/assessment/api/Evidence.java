package vn.ntm.criteria.assessment.api;

/** What backs a measurement: a document number (e.g. a report or decision), a link, a note. */
public record Evidence(String document, String link, String note) {

    public static final Evidence NONE = new Evidence(null, null, null);
}
