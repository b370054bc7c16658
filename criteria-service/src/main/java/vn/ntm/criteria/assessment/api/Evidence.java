package vn.ntm.criteria.assessment.api;

/**
 * What backs a measurement: a document number (e.g. a report or decision), a link, a note, and the office that
 * assessed it (required for a pass/fail assessment, which only a competent office can make).
 */
public record Evidence(String document, String link, String note, String office) {

    public static final Evidence NONE = new Evidence(null, null, null, null);

    /** This evidence with the fields {@code own} gives over it: one item of a form over the form's evidence. */
    public Evidence overriddenBy(Evidence own) {
        return new Evidence(own.document() != null ? own.document() : document, own.link() != null ? own.link() : link,
                own.note() != null ? own.note() : note, own.office() != null ? own.office() : office);
    }
}
