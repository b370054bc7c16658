package vn.ntm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** What the figures were measured on: cores, memory, CPU, JDK, PostgreSQL, Kafka, and how busy the machine was. */
final class Machine {

    private Machine() {
    }

    static void describe(Map<String, Object> into, String pgUrl, String user, String password) {
        into.put("cores", Runtime.getRuntime().availableProcessors());
        into.put("memory", meminfo("MemTotal").map(kb -> Math.round(kb / 1024.0 / 1024.0 * 10) / 10.0 + " GiB")
                .orElse("unknown"));
        into.put("cpu", cpuModel().orElse("unknown"));
        into.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        into.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.vendor") + "); services run with -Xmx512m -XX:+UseSerialGC");
        into.put("postgresql", postgresVersion(pgUrl, user, password));
        into.put("kafka", "Apache Kafka " + org.apache.kafka.common.utils.AppInfoParser.getVersion()
                + " (KRaft, one broker, child JVM)");
        gitCommit().ifPresent(commit -> into.put("commit", commit));
    }

    /** The 1-, 5- and 15-minute load averages: other work on the machine makes every figure noisier. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    static Optional<Long> meminfo(String key) {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith(key + ":"))
                    .map(l -> Long.parseLong(l.replaceAll("\\D+", ""))).findFirst();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String postgresVersion(String url, String user, String password) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select version()")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static Optional<String> gitCommit() {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes()).trim();
            return git.waitFor(5, TimeUnit.SECONDS) && git.exitValue() == 0 ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
