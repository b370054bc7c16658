package vn.ntm.testing.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and ChromeDriver for the browser tests, and a headless {@link ChromeDriver} on them.
 *
 * <p>Both are found on the {@code PATH} or in {@code /usr/bin} ({@code NTM_CHROMIUM} and {@code NTM_CHROMEDRIVER}
 * name others). When either is missing and this process may install packages (it runs as root and {@code apt-get}
 * is there), {@code apt-get install chromium chromium-driver} runs once, non-interactively; otherwise the test fails
 * saying what to install. Nothing is downloaded by Selenium itself: tools that fetch a browser of their own fail on
 * machines whose only network is the package registries.
 *
 * <p>Selenium is an optional dependency of test-support: a module using this class declares {@code selenium-java}.
 */
public final class Chromium {

    /** What to install by hand where this class may not. */
    public static final String INSTALL_HINT = "apt-get install -y chromium chromium-driver (Debian's Chromium and "
            + "ChromeDriver; .ci/run installs them)";

    /**
     * The flags this machine needs: headless, no sandbox (tests run as root), and nothing that reaches for Google's
     * services — the machine's closed network refuses those connections, many at a time, at every start.
     */
    static final List<String> HEADLESS_FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--disable-dev-shm-usage");

    private static final Path INSTALL_LOCK = Path.of(System.getProperty("java.io.tmpdir"), "ntm-chromium-install.lock");

    private static Installation installation;

    private Chromium() {
    }

    /** Where the browser and its driver are. */
    public record Installation(Path browser, Path driver) {
    }

    /** Finds Chromium and ChromeDriver, installing them first when missing and allowed; fails saying what to install. */
    public static synchronized Installation installation() {
        if (installation == null) {
            installation = find(System.getenv()).orElseGet(() -> {
                installWithAptGet();
                return find(System.getenv()).orElseThrow(() -> new IllegalStateException(
                        "Chromium or ChromeDriver is still missing after apt-get; install them: " + INSTALL_HINT));
            });
        }
        return installation;
    }

    /**
     * A headless Chromium driven through Debian's chromedriver, with a fresh profile that {@link ChromeDriver#quit()}
     * deletes. {@code arguments} are added to the {@linkplain #HEADLESS_FLAGS machine's flags}, e.g.
     * {@code --window-size=1400,2000}.
     */
    public static ChromeDriver headless(String... arguments) {
        Installation found = installation();
        Path profile;
        try {
            profile = Files.createTempDirectory("ntm-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException("No temporary directory for a Chromium profile", e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(found.browser().toFile());
        options.addArguments(HEADLESS_FLAGS);
        options.addArguments(arguments);
        options.addArguments("--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(found.driver().toFile()).usingAnyFreePort().build();
        try {
            return new HeadlessChromium(service, options, profile);
        } catch (RuntimeException e) {
            delete(profile);
            throw e;
        }
    }

    /** Both programs, from the environment's overrides, the {@code PATH} or {@code /usr/bin}; empty if either is missing. */
    static Optional<Installation> find(Map<String, String> environment) {
        Optional<Path> browser = program(environment, "NTM_CHROMIUM", "chromium");
        Optional<Path> driver = program(environment, "NTM_CHROMEDRIVER", "chromedriver");
        return browser.isPresent() && driver.isPresent()
                ? Optional.of(new Installation(browser.get(), driver.get())) : Optional.empty();
    }

    private static Optional<Path> program(Map<String, String> environment, String override, String name) {
        String named = environment.get(override);
        if (named != null && !named.isBlank()) {
            Path path = Path.of(named);
            if (!Files.isExecutable(path)) {
                throw new IllegalStateException(override + "=" + named + " is not an executable file");
            }
            return Optional.of(path);
        }
        return onPath(environment, name);
    }

    private static Optional<Path> onPath(Map<String, String> environment, String name) {
        List<Path> places = new ArrayList<>();
        for (String dir : environment.getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isBlank()) {
                places.add(Path.of(dir, name));
            }
        }
        places.add(Path.of("/usr/bin", name));
        return places.stream().filter(Files::isRegularFile).filter(Files::isExecutable).findFirst();
    }

    private static void installWithAptGet() {
        Optional<Path> aptGet = onPath(System.getenv(), "apt-get");
        if (aptGet.isEmpty() || !isRoot()) {
            throw new IllegalStateException("Browser tests need Chromium and ChromeDriver, which are not installed"
                    + (aptGet.isEmpty() ? " (and there is no apt-get here)" : " (and this process is not root)")
                    + ". Install them: " + INSTALL_HINT + ", or point NTM_CHROMIUM and NTM_CHROMEDRIVER at them.");
        }
        // One installer at a time across test JVMs; the second finds the packages already there.
        try (FileChannel channel = FileChannel.open(INSTALL_LOCK, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            if (find(System.getenv()).isPresent()) {
                return;
            }
            Path log = Files.createTempFile("ntm-chromium-install-", ".log");
            System.err.println("[test-support] Chromium or ChromeDriver missing: installing chromium chromium-driver "
                    + "with apt-get (log: " + log + ")");
            run(log, aptGet.get().toString(), "update", "-q");
            run(log, aptGet.get().toString(), "install", "-y", "-q", "--no-install-recommends", "chromium",
                    "chromium-driver");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot install Chromium; install it by hand: " + INSTALL_HINT, e);
        }
    }

    private static void run(Path log, String... command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
        Process process = builder.start();
        try {
            if (!process.waitFor(15, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in 15 minutes; install "
                        + "by hand: " + INSTALL_HINT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("Interrupted while installing Chromium", e);
        }
        if (process.exitValue() != 0) {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            throw new IllegalStateException(String.join(" ", command) + " failed (exit " + process.exitValue()
                    + "); install by hand: " + INSTALL_HINT + ". Its output ends:\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size())));
        }
    }

    private static boolean isRoot() {
        try {
            return "0".equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid").toString());
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** Deletes its profile when it quits. */
    private static final class HeadlessChromium extends ChromeDriver {

        private final Path profile;

        HeadlessChromium(ChromeDriverService service, ChromeOptions options, Path profile) {
            super(service, options);
            this.profile = profile;
        }

        @Override
        public void quit() {
            try {
                super.quit();
            } finally {
                delete(profile);
            }
        }
    }

    private static void delete(Path profile) {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a profile left in the temporary directory harms no test
        }
    }
}
