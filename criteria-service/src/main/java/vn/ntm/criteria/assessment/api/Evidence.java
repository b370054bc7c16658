package vn.ntm.criteria.assessment.api;

/**
 * What backs a measurement: a document number (e.g. a report or decision), a link, a note, and the office that
 * assessed it (required for a pass/fail assessment, which only a competent office can make).
 */
public record Evidence(String document, String link, String note, String office) {

    public static final Evidence NONE = new Evidence(null, null, null, null);

    /**
     * The note as the assessment log keeps it: the assessing office in brackets, then the note, each only when given
     * ({@code [Phòng Kinh tế] đã kiểm tra}, {@code [Phòng Kinh tế]}, {@code đã kiểm tra}); null when neither is.
     */
    public String noteWithOffice() {
        boolean hasOffice = office != null && !office.isBlank();
        boolean hasNote = note != null && !note.isBlank();
        if (!hasOffice) {
            return hasNote ? note : null;
        }
        return hasNote ? "[" + office + "] " + note : "[" + office + "]";
    }

    /** This evidence with the fields {@code own} gives over it: one item of a form over the form's evidence. */
    public Evidence overriddenBy(Evidence own) {
        return new Evidence(own.document() != null ? own.document() : document, own.link() != null ? own.link() : link,
                own.note() != null ? own.note() : note, own.office() != null ? own.office() : office);
    }
}
