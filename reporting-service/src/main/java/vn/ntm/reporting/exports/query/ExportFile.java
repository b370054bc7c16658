package vn.ntm.reporting.exports.query;

/**
 * A download: its bytes, file name and format.
 *
 * @param format {@code xlsx} or {@code csv}
 */
public record ExportFile(String filename, String format, byte[] body) {
}
