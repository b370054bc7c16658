package vn.ntm.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import vn.ntm.launcher.DemoLoader;
import vn.ntm.launcher.Platform;
import vn.ntm.launcher.PlatformSettings;
import vn.ntm.testing.JsonHttp;

/**
 * The READMEs' shell examples run as written, in order, as a newcomer would type them after the run command's banner.
 *
 * <p>The platform is the run command's: its own one (free ports, fresh databases), with both demo files loaded as
 * {@code LocalPlatform} loads them, and the test waits until every service has heard of the demo. It writes to Song
 * Vân, which other end-to-end tests assert exactly, so it runs in a failsafe execution of its own
 * ({@code readme-examples} in this module's pom), after them.
 *
 * <p>The rules the READMEs follow:
 * <ul>
 *   <li><b>Which blocks.</b> Every {@code ```bash} block of {@code README.md} and of each module's {@code README.md},
 *       except blocks whose first command is {@code ./mvnw} or {@code docker}: they build, test or run containers,
 *       they are not examples against a running platform.</li>
 *   <li><b>One session per README.</b> A README's blocks run in order in one {@code bash} with
 *       {@code set -euo pipefail}, so a variable set in one block is there in the next, and one that no earlier block
 *       of the same README sets stops the session. Each README therefore defines what it uses (the {@code token}
 *       function, {@code $OPERATOR}, {@code $OFFICER}, {@code $SONG_VAN}, ...) in its first block.</li>
 *   <li><b>Ports.</b> {@code 127.0.0.1:} and {@code localhost:} with 8080, 8081, 8082, 8083 and 8090 (portal,
 *       village, criteria, reporting, identity provider) are rewritten to this platform's ports.</li>
 *   <li><b>Statuses.</b> {@code curl} is a shell function that runs the real curl and checks the status of every
 *       transfer: a 5xx (or no answer) always fails; a 4xx fails unless the README announces it. A command announces
 *       statuses with a comment on one of its lines, or on the comment lines directly below it, that starts with
 *       them — {@code # 403 outside-scope}, {@code # 201, or 409 when run again} — or that quotes the problem detail
 *       with its status ({@code # {"type":"urn:ntm:problem:…","status":400,…}}). An announced command must answer
 *       one of the statuses it announces. So examples that write announce the 409 a second run on the same local
 *       platform gets.</li>
 * </ul>
 * Each block is printed with its output and the status of each curl, to the test log.
 *
 * <p>It catches the READMEs as they were before it: criteria-service's correction used {@code $MEASUREMENT} and its
 * examples {@code $SONG_VAN}, which none of its blocks defined ({@code unbound variable}); village-service's asked the
 * retired demo issuer for tokens ({@code POST :8090/token}: a 403 it does not announce).
 */
class ReadmeExamplesIT {

    /** Ids from the demo files. */
    private static final String SONG_VAN = "8565f27f-834a-541b-947f-d43167af318b";
    private static final String NGOC_THIEN = "598bc358-0b8c-556d-b77e-200638ed14af";
    private static final Duration SESSION_TIMEOUT = Duration.ofMinutes(10);
    private static final Pattern FIXED_PORT =
            Pattern.compile("\\b(127\\.0\\.0\\.1|localhost):(8080|8081|8082|8083|8090)\\b");
    /** Statuses that start a comment: {@code 403}, {@code 201, or 409}, {@code 200/404}. */
    private static final Pattern ANNOUNCED_FIRST =
            Pattern.compile("^\\s*[1-5]\\d\\d\\b(?:(?:\\s*(?:,|/|\\bor\\b)\\s*)+[1-5]\\d\\d\\b)*");
    private static final Pattern ANNOUNCED_PROBLEM = Pattern.compile("\"status\"\\s*:\\s*([1-5]\\d\\d)\\b");
    private static final Pattern STATUS = Pattern.compile("[1-5]\\d\\d");
    private static final Pattern HEREDOC = Pattern.compile("<<-?\\s*(['\"]?)([A-Za-z_][A-Za-z0-9_]*)\\1");
    private static final String BLOCK_START = "===== ";

    private static Path home;
    private static Platform platform;

    @BeforeAll
    static void startThePlatformOfTheRunCommand() {
        home = Path.of(System.getProperty("ntm.home", "..")).toAbsolutePath().normalize();
        platform = Platform.start(PlatformSettings.forTests(home, "readme"));
        DemoLoader loader = new DemoLoader(platform.baseUrls(), platform::machineToken, platform::token);
        System.out.println("Demo: " + loader.load(DemoLoader.SONG_VAN).plus(loader.load(DemoLoader.MERGER_2025)));
        // The banner comes once the demo is sent; Kafka brings it to the other services a moment later.
        JsonHttp officer = new JsonHttp(platform.criteria().baseUrl()).withToken(platform.token("can-bo-ngoc-thien"));
        JsonHttp village = new JsonHttp(platform.village().baseUrl()).withToken(platform.machineToken());
        JsonHttp reporting = new JsonHttp(platform.reporting().baseUrl()).withToken(platform.machineToken());
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(officer.get("/api/units/" + SONG_VAN).status()).as("criteria-service knows the merger")
                    .isEqualTo(200);
            assertThat(village.get("/api/units/" + SONG_VAN + "/criteria-standing?criteriaSet=VN-XA-NTMNC-2021-2025"
                    + "&asOf=2024-12-31").status()).as("village-service knows Song Vân's standing").isEqualTo(200);
            assertThat(reporting.get("/api/units?asOf=2026-01-01").body()).as("reporting knows the merger")
                    .contains(NGOC_THIEN);
        });
    }

    @AfterAll
    static void stopThePlatform() {
        if (platform != null) {
            platform.closeAndDropDatabases();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyShellBlockOfEveryReadmeRunsAsWritten() throws IOException {
        return readmes().stream().map(readme -> DynamicTest.dynamicTest(home.relativize(readme).toString(),
                () -> runSession(home, readme, ports())));
    }

    /** README.md first, then each module's README.md that has shell blocks, by module name. */
    private static List<Path> readmes() throws IOException {
        List<Path> readmes = new ArrayList<>(List.of(home.resolve("README.md")));
        try (Stream<Path> modules = Files.list(home)) {
            modules.map(module -> module.resolve("README.md")).filter(Files::isRegularFile).sorted()
                    .filter(readme -> blocks(read(readme)).stream().anyMatch(block -> !block.skipped()))
                    .forEach(readmes::add);
        }
        return readmes;
    }

    /** One bash session for a README's blocks, its fixed ports rewritten to {@code ports}; fails at the first error. */
    static void runSession(Path home, Path readme, Map<String, Integer> ports)
            throws IOException, InterruptedException {
        String name = home.relativize(readme).toString();
        Path workDir = home.resolve("end-to-end-tests/target/readme-examples").resolve(name.replace('/', '_'));
        Files.createDirectories(workDir);
        Path statusMap = workDir.resolve("status-map.tsv");
        Path failures = workDir.resolve("failures.txt");
        Files.deleteIfExists(failures);
        Files.createFile(failures);

        Session session = script(name, blocks(read(readme)), ports);
        Path script = workDir.resolve("session.sh");
        Files.writeString(script, session.script());
        Files.writeString(statusMap, session.statusMap());

        ProcessBuilder bash = new ProcessBuilder("bash", script.toString()).directory(workDir.toFile())
                .redirectErrorStream(true);
        // a newcomer's shell: nothing set that the README does not set itself
        bash.environment().keySet().retainAll(Set.of("PATH", "HOME", "TMPDIR", "LANG", "LC_ALL"));
        bash.environment().put("NTM_STATUS_MAP", statusMap.toString());
        bash.environment().put("NTM_FAILURES", failures.toString());
        Process process = bash.start();
        AtomicReference<String> lastBlock = new AtomicReference<>("before the first block");
        Thread log = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    System.out.println("[" + name + "] " + line);
                    if (line.startsWith(BLOCK_START)) {
                        lastBlock.set(line.substring(BLOCK_START.length()).replace(" =====", ""));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "readme-session-log");
        log.start();
        boolean finished = process.waitFor(SESSION_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        log.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(finished).as("%s: the session ended within %s (stuck in %s)", name, SESSION_TIMEOUT, lastBlock.get())
                .isTrue();
        assertThat(Files.readString(failures)).as("%s: statuses the README does not announce (in %s)", name,
                lastBlock.get()).isEmpty();
        assertThat(process.exitValue()).as("%s: bash's exit status, stopped in %s (see the log above)", name,
                lastBlock.get()).isZero();
    }

    /** A {@code ```bash} block: where it starts in the README (the line after the fence, from 1) and its lines. */
    record Block(int firstLine, List<String> lines) {

        /** Blocks that build, test or run containers are not examples against a running platform. */
        boolean skipped() {
            return lines.stream().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .findFirst().map(line -> line.startsWith("./mvnw ") || line.startsWith("docker ")).orElse(false);
        }
    }

    /** The {@code ```bash} blocks of a README, in order. */
    static List<Block> blocks(List<String> readme) {
        List<Block> blocks = new ArrayList<>();
        List<String> open = null;
        int first = 0;
        for (int i = 0; i < readme.size(); i++) {
            String line = readme.get(i);
            if (open == null && line.strip().equals("```bash")) {
                open = new ArrayList<>();
                first = i + 2;
            } else if (open != null && line.strip().equals("```")) {
                blocks.add(new Block(first, List.copyOf(open)));
                open = null;
            } else if (open != null) {
                open.add(line);
            }
        }
        return blocks;
    }

    /** The session's script and, for each of its lines, the README line it comes from and the statuses announced. */
    record Session(String script, String statusMap) {
    }

    /** set -euo pipefail and the checking curl function (src/test/resources/readme-examples/prelude.sh). */
    private static List<String> prelude() {
        try (var in = ReadmeExamplesIT.class.getResourceAsStream("/readme-examples/prelude.sh")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The platform's port for each fixed port of the READMEs. */
    private static Map<String, Integer> ports() {
        return Map.of("8080", platform.portal().port(), "8081", platform.village().port(),
                "8082", platform.criteria().port(), "8083", platform.reporting().port(),
                "8090", platform.identity().port());
    }

    /** The prelude, then each block printed as written and run with its ports rewritten (skipped ones only printed). */
    static Session script(String readme, List<Block> blocks, Map<String, Integer> ports) {
        List<String> script = new ArrayList<>(prelude());
        StringBuilder statusMap = new StringBuilder();
        int number = 0;
        for (Block block : blocks) {
            number++;
            String title = readme + ", block " + number + " of " + blocks.size() + " (line " + block.firstLine() + ")";
            script.add("printf '\\n%s\\n' '" + BLOCK_START + title + " ====='");
            script.add("cat <<'NTM_README_BLOCK'");
            script.addAll(block.lines());
            script.add("NTM_README_BLOCK");
            if (block.skipped()) {
                script.add("echo '----- skipped: builds, tests or runs containers, not an example against a running"
                        + " platform'");
                continue;
            }
            script.add("echo '----- output'");
            List<Command> commands = commands(block.lines());
            for (int i = 0; i < block.lines().size(); i++) {
                script.add(FIXED_PORT.matcher(block.lines().get(i))
                        .replaceAll(port -> port.group(1) + ":" + ports.get(port.group(2))));
                int line = i;
                String announced = commands.stream().filter(c -> c.first() <= line && line <= c.last()).findFirst()
                        .map(c -> String.join(",", c.announced())).orElse("");
                statusMap.append(script.size()).append('\t').append(block.firstLine() + i).append('\t')
                        .append(announced).append('\n');
            }
        }
        script.add("printf '\\n%s\\n' '" + BLOCK_START + readme + ": every block ran ====='");
        return new Session(String.join("\n", script) + "\n", statusMap.toString());
    }

    /** A command of a block: its lines (from 0) and the statuses its comments announce. */
    record Command(int first, int last, Set<String> announced) {
    }

    /**
     * Splits a block into commands as bash would read them, as far as the READMEs need: lines continued by a
     * backslash, by a pipe or {@code &&} at the end of a line or the start of the next, by an open quote, or by a
     * here-document. Comment lines directly below a command belong to it.
     */
    static List<Command> commands(List<String> lines) {
        List<Command> commands = new ArrayList<>();
        int first = -1;
        int last = -1;
        Set<String> announced = new LinkedHashSet<>();
        char quote = 0;
        boolean continued = false;
        String heredoc = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String trimmed = line.strip();
            if (heredoc != null) {
                last = i;
                if (trimmed.equals(heredoc)) {
                    heredoc = null;
                }
                continue;
            }
            boolean inside = first >= 0 && (quote != 0 || continued || trimmed.startsWith("|")
                    || trimmed.startsWith("&&"));
            if (!inside) {
                if (first >= 0 && trimmed.startsWith("#")) {
                    announced.addAll(announcedIn(trimmed.substring(1)));
                    last = i;
                    continue;
                }
                if (first >= 0) {
                    commands.add(new Command(first, last, Set.copyOf(announced)));
                    first = -1;
                    announced = new LinkedHashSet<>();
                }
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                first = i;
            }
            last = i;
            int code = line.length();
            for (int j = 0; j < line.length(); j++) {
                char c = line.charAt(j);
                if (quote == '\'') {
                    quote = c == '\'' ? 0 : quote;
                } else if (c == '\\') {
                    j++;
                } else if (quote == '"') {
                    quote = c == '"' ? 0 : quote;
                } else if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == '#' && (j == 0 || Character.isWhitespace(line.charAt(j - 1)))) {
                    announced.addAll(announcedIn(line.substring(j + 1)));
                    code = j;
                    break;
                } else if (c == '<' && line.startsWith("<<", j) && !line.startsWith("<<<", j)) {
                    Matcher here = HEREDOC.matcher(line).region(j, line.length());
                    if (here.lookingAt()) {
                        heredoc = here.group(2);
                        j = here.end() - 1;
                    }
                }
            }
            String command = line.substring(0, code).stripTrailing();
            continued = quote == 0 && (command.endsWith("\\") || command.endsWith("|") || command.endsWith("&&"));
        }
        if (first >= 0) {
            commands.add(new Command(first, last, Set.copyOf(announced)));
        }
        return commands;
    }

    /** {@code 403 outside-scope}, {@code 201, or 409 …}, {@code {"type":…,"status":400,…}}: the statuses announced. */
    static Set<String> announcedIn(String comment) {
        Set<String> statuses = new LinkedHashSet<>();
        Matcher first = ANNOUNCED_FIRST.matcher(comment);
        if (first.lookingAt()) {
            STATUS.matcher(first.group()).results().forEach(status -> statuses.add(status.group()));
        }
        ANNOUNCED_PROBLEM.matcher(comment).results().forEach(status -> statuses.add(status.group(1)));
        return statuses;
    }

    private static List<String> read(Path readme) {
        try {
            return Files.readAllLines(readme, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
