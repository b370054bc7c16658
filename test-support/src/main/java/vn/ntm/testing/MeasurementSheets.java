package vn.ntm.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** criteria-service's measurement template (xlsx) filled in as an officer's spreadsheet program would fill it. */
public final class MeasurementSheets {

    /** The rows above this one are the template's title and headings. */
    private static final int LAST_HEADING_ROW = 4;
    private static final int CODE_COLUMN = 1;
    private static final int RESULT_COLUMN = 4;

    private MeasurementSheets() {
    }

    /**
     * The template with results typed into "Kết quả thực hiện" (column E) of the indicators' rows (code in B), as
     * text cells, as the template's result column keeps them.
     */
    public static byte[] fill(byte[] template, Map<String, String> results) {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (Row row : book.getSheetAt(0)) {
                Cell code = row.getCell(CODE_COLUMN);
                if (code != null && results.containsKey(code.toString()) && row.getRowNum() > LAST_HEADING_ROW) {
                    row.getCell(RESULT_COLUMN).setCellValue(results.get(code.toString()));
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
