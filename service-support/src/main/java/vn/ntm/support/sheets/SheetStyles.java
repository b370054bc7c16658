package vn.ntm.support.sheets;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The look every spreadsheet of the platform shares — reporting's exports and criteria-service's import template,
 * which is laid out as the progress report so that an officer fills in the sheet they already know: a large bold
 * title, grey bold headers, bordered cells.
 */
public final class SheetStyles {

    public final CellStyle title;
    public final CellStyle header;
    public final CellStyle plain;
    public final CellStyle bold;
    private final XSSFWorkbook book;
    private final Font strong;

    public SheetStyles(XSSFWorkbook book) {
        this.book = book;
        Font big = book.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 14);
        strong = book.createFont();
        strong.setBold(true);
        title = book.createCellStyle();
        title.setFont(big);
        plain = bordered();
        plain.setWrapText(true);
        bold = bordered();
        bold.setFont(strong);
        header = filled(IndexedColors.GREY_25_PERCENT, true);
    }

    /** A bordered cell on a solid background, its text bold or not. */
    public CellStyle filled(IndexedColors color, boolean boldText) {
        CellStyle style = bordered();
        style.setFillForegroundColor(color.getIndex());
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        if (boldText) {
            style.setFont(strong);
        }
        return style;
    }

    /** A cell a person types into: text kept as typed ("74,5" stays text, not a date or a number). */
    public CellStyle input(IndexedColors color) {
        CellStyle style = filled(color, false);
        style.setDataFormat(book.createDataFormat().getFormat("@"));
        return style;
    }

    private CellStyle bordered() {
        CellStyle style = book.createCellStyle();
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        return style;
    }
}
