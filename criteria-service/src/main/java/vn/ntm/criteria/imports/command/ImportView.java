package vn.ntm.criteria.imports.command;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.ntm.criteria.assessment.api.MeasuredValue;

/**
 * The answer to an import, dry run or not: the file read, every row with what it says and what becomes of it, and
 * the totals.
 *
 * @param format   {@code xlsx} or {@code csv}
 * @param sheet    the sheet read (a workbook's sheet in the layout); null for a CSV
 * @param recorded how many measurements were recorded (0 in a dry run)
 * @param totals   {@code total} rows, and the rows of each classification
 */
public record ImportView(String unitId, String unitName, String criteriaSet, int setVersion, LocalDate validOn,
                  String fileName, String format, String sheet, boolean dryRun, int recorded,
                  Map<String, Integer> totals, List<RowView> rows) {

    /** What becomes of a row. */
    enum Classification {
        /** no measurement governs the date yet: recorded */
        NEW,
        /** another value governs the date: recorded */
        CHANGED,
        /** the value that governs the date already says this: nothing recorded */
        UNCHANGED,
        /** no result written: nothing recorded */
        EMPTY,
        /** cannot be recorded ({@code reason}); on commit, nothing of the file is */
        REFUSED
    }

    /**
     * One row of the sheet that names an indicator or holds a result.
     *
     * @param row           its number in the spreadsheet (from 1)
     * @param text          what the result cell shows
     * @param parsed        what was read from it (null when empty or refused)
     * @param currentStatus the indicator's status on the date before the import (null for an unknown indicator)
     * @param current       the measurement that governs the date before the import (null when none does)
     * @param toRecord      what is (or would be) recorded: set for NEW and CHANGED
     * @param reasonType    why it is refused: a problem type ({@code numerator-above-denominator}, ...)
     * @param reason        the same in words, in the request's language
     * @param measurementId the measurement recorded from it (commit only)
     * @param statusAfter   the indicator's status on the date after the import (commit only)
     */
    public record RowView(int row, String indicatorCode, String indicatorName, String kind, String text, ValueView parsed,
                   String currentStatus, CurrentView current, ValueView toRecord, Classification classification,
                   String reasonType, String reason, String measurementId, String statusAfter,
                   @JsonIgnore MeasuredValue value) {

        RowView refused(String type, String sentence) {
            return new RowView(row, indicatorCode, indicatorName, kind, text, parsed, currentStatus, current, null,
                    Classification.REFUSED, type, sentence, null, null, null);
        }

        RowView recorded(String id, String status) {
            return new RowView(row, indicatorCode, indicatorName, kind, text, parsed, currentStatus, current, toRecord,
                    classification, reasonType, reason, id, status, value);
        }
    }

    /**
     * A value in each form the API knows (as a measurement's fields) and as written in a sheet.
     *
     * @param text as the import reads it back: {@code 1900/2150}, {@code 88,4%}, {@code 74,5}, {@code Đạt}
     */
    public record ValueView(BigDecimal value, Long numerator, Long denominator, Boolean passed, String text) {
    }

    /** The measurement that governs the date: its value, the date it is valid from and its id. */
    record CurrentView(BigDecimal value, Long numerator, Long denominator, Boolean passed, String text,
                       LocalDate validOn, String measurementId) {
    }

    static Map<String, Integer> totals(List<RowView> rows) {
        Map<String, Integer> totals = new LinkedHashMap<>();
        totals.put("total", rows.size());
        for (Classification c : Classification.values()) {
            totals.put(c.name(), (int) rows.stream().filter(r -> r.classification() == c).count());
        }
        return totals;
    }
}
