package vn.ntm.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The figures of one run, each with its baseline (what the machine itself does for the same work), the ratio, the
 * issue's target and whether it was met. Targets are measured, never asserted: a missed target is a finding.
 */
public final class Results {

    public enum Verdict { MET, MISSED, PENDING, INFO }

    /**
     * @param measure  what was measured, e.g. "ingest, end to end"
     * @param value    the figure (null when pending)
     * @param baseline the machine's own limit for the same work, or null
     * @param ratio    value / baseline (or the ratio the target is about), or null
     */
    public record Figure(String section, String measure, Double value, String unit, String display,
                         String baseline, Double ratio, String target, Verdict verdict, String note) {

        /** What the table shows as the result. */
        public String shown() {
            if (display != null) {
                return display;
            }
            return value == null ? "pending" : number(value) + " " + unit;
        }
    }

    private final List<Figure> figures = new ArrayList<>();
    private final Map<String, Object> machine = new LinkedHashMap<>();
    private final Map<String, Object> settings = new LinkedHashMap<>();
    private final Map<String, Object> details = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    public void add(Figure figure) {
        figures.add(figure);
    }

    public List<Figure> figures() {
        return List.copyOf(figures);
    }

    public Map<String, Object> machine() {
        return machine;
    }

    public Map<String, Object> settings() {
        return settings;
    }

    /** Raw numbers behind the figures (timings, counts, percentiles), kept in the JSON. */
    public Map<String, Object> details() {
        return details;
    }

    public void note(String note) {
        notes.add(note);
    }

    public static Verdict atLeast(double value, double target) {
        return value >= target ? Verdict.MET : Verdict.MISSED;
    }

    public static Verdict atMost(double value, double target) {
        return value <= target ? Verdict.MET : Verdict.MISSED;
    }

    public String table() {
        StringBuilder md = new StringBuilder();
        md.append("| # | measure | result | baseline (same work, same machine) | ratio | target | verdict |\n");
        md.append("|---|---|---:|---|---:|---|---|\n");
        for (Figure f : figures) {
            md.append("| ").append(f.section()).append(" | ").append(f.measure()).append(" | ")
                    .append(f.shown()).append(" | ")
                    .append(f.baseline() == null ? "" : f.baseline()).append(" | ")
                    .append(f.ratio() == null ? "" : number(f.ratio())).append(" | ")
                    .append(f.target() == null ? "" : f.target()).append(" | ")
                    .append(f.verdict() == Verdict.INFO ? "" : f.verdict().name().toLowerCase(Locale.ROOT))
                    .append(" |\n");
        }
        return md.toString();
    }

    public String markdown(String title) {
        StringBuilder md = new StringBuilder("# ").append(title).append("\n\n");
        md.append(table()).append('\n');
        List<Figure> annotated = figures.stream().filter(f -> f.note() != null && !f.note().isBlank()).toList();
        if (!annotated.isEmpty()) {
            md.append("## What each figure is\n\n");
            annotated.forEach(f -> md.append("- **").append(f.section()).append(' ').append(f.measure())
                    .append("**: ").append(f.note()).append('\n'));
            md.append('\n');
        }
        md.append("## Machine\n\n");
        machine.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
        md.append("\n## Sizes\n\n");
        settings.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
        if (!notes.isEmpty()) {
            md.append("\n## Notes\n\n");
            notes.forEach(n -> md.append("- ").append(n).append('\n'));
        }
        return md.toString();
    }

    public Map<String, Object> asMap() {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("figures", figures);
        all.put("machine", machine);
        all.put("settings", settings);
        all.put("details", details);
        all.put("notes", notes);
        return all;
    }

    /** Writes {@code <name>.md} and {@code <name>.json} into {@code directory}; returns the markdown file. */
    public Path write(Path directory, String name, String title) {
        try {
            Files.createDirectories(directory);
            Path md = directory.resolve(name + ".md");
            Files.writeString(md, markdown(title));
            JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
            Files.writeString(directory.resolve(name + ".json"), json.writeValueAsString(asMap()) + "\n");
            return md;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the results to " + directory, e);
        }
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        double abs = Math.abs(value);
        if (abs >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (abs >= 1) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
