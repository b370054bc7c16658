package vn.ntm.criteria.imports.command;

import java.text.Normalizer;
import vn.ntm.criteria.assessment.api.Evidence;
import vn.ntm.support.rules.RuleViolation;
import vn.ntm.support.web.UnstorableValues;

/**
 * What the officer sent with the file — document, office, note — checked, and made into the evidence every
 * imported measurement carries; and the file's own name.
 */
final class ImportForm {

    /** The note every imported measurement's evidence carries. */
    static final String IMPORTED = "nhập từ bảng tính";
    static final int MAX_DOCUMENT = 200;
    static final int MAX_OFFICE = 200;
    static final int MAX_NOTE = 1800;

    private ImportForm() {
    }

    /**
     * The form's evidence: the document named, else the file's name; the note says the figures came from a
     * spreadsheet (naming the file when a document was named) and adds the officer's note.
     */
    static Evidence evidence(String file, MeasurementImports.FormFields fields) {
        boolean named = fields.document() != null && !fields.document().isBlank();
        String note = IMPORTED + (named ? " " + file : "")
                + (fields.note() != null && !fields.note().isBlank() ? "; " + fields.note().trim() : "");
        String office = fields.office() == null || fields.office().isBlank() ? null : fields.office().trim();
        return new Evidence(named ? fields.document().trim() : file, null, note, office);
    }

    /** The form fields: within their limits, and free of what no text may hold ({@link UnstorableValues}). */
    static void checkFields(MeasurementImports.FormFields fields) {
        check("document", fields.document(), MAX_DOCUMENT);
        check("office", fields.office(), MAX_OFFICE);
        check("note", fields.note(), MAX_NOTE);
        UnstorableValues.refuse(fields);
    }

    static void check(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw RuleViolation.invalid("import-field-too-long", field, field, max);
        }
    }

    /** The file's own name (a browser may send a path), readable, at most as long as a document's name may be. */
    static String fileName(String given) {
        String name = given == null ? "" : given.substring(Math.max(given.lastIndexOf('/'), given.lastIndexOf('\\'))
                + 1);
        name = Normalizer.normalize(name, Normalizer.Form.NFC).replaceAll("[\\p{Cc}\\p{Cf}]", "")
                .replaceAll("\\p{Z}+", " ").trim();
        if (name.isEmpty()) {
            name = "bang-tinh";
        }
        return name.length() <= MAX_DOCUMENT ? name : name.substring(0, MAX_DOCUMENT - 1) + "…";
    }
}
