package vn.ntm.launcher;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Helpers for the log files of child processes. */
final class LogFiles {

    /** Logs append across runs and can grow large, so only the end of the file is read. */
    private static final int TAIL_BYTES = 64 * 1024;

    private LogFiles() {
    }

    /** The last {@code lines} lines of {@code file}, for error messages; never throws. */
    static String tail(Path file, int lines) {
        if (!Files.isRegularFile(file)) {
            return "(no log at " + file + ")";
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(0, raf.length() - TAIL_BYTES);
            byte[] bytes = new byte[(int) (raf.length() - start)];
            raf.seek(start);
            raf.readFully(bytes);
            List<String> all = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\\R"));
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(could not read " + file + ": " + e.getMessage() + ")";
        }
    }

    /** Creates the parent directory of a log file, so a child process can append to it. */
    static Path prepare(Path logFile) {
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            return logFile;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create the log directory for " + logFile, e);
        }
    }
}
