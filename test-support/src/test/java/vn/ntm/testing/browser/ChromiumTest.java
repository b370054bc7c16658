package vn.ntm.testing.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the browser tests look for Debian's Chromium and ChromeDriver. */
class ChromiumTest {

    @TempDir
    Path dir;

    @Test
    void bothProgramsAreFoundOnThePath() throws IOException {
        Path browser = executable(dir.resolve("chromium"));
        Path driver = executable(dir.resolve("chromedriver"));

        assertThat(Chromium.find(Map.of("PATH", "/nonexistent:" + dir)))
                .contains(new Chromium.Installation(browser, driver));
    }

    @Test
    void theEnvironmentNamesOtherPlacesAndAWrongOneIsSaidToBeWrong() throws IOException {
        Path browser = executable(dir.resolve("my-chromium"));
        Path driver = executable(dir.resolve("my-chromedriver"));
        assertThat(Chromium.find(Map.of("NTM_CHROMIUM", browser.toString(), "NTM_CHROMEDRIVER", driver.toString())))
                .contains(new Chromium.Installation(browser, driver));

        Path notExecutable = Files.writeString(dir.resolve("chromium-text"), "");
        assertThatThrownBy(() -> Chromium.find(Map.of("NTM_CHROMIUM", notExecutable.toString())))
                .hasMessageContaining("NTM_CHROMIUM").hasMessageContaining("not an executable");
    }

    @Test
    void aMissingDriverIsNoInstallation() throws IOException {
        executable(dir.resolve("chromium"));
        // /usr/bin is always searched too: only a machine without Debian's chromedriver finds nothing
        assertThat(Chromium.find(Map.of("PATH", dir.toString())).isEmpty())
                .isEqualTo(!Files.isExecutable(Path.of("/usr/bin/chromedriver")));
    }

    @Test
    void theFlagsKeepChromiumOffTheClosedNetworkAndRunAsRoot() {
        assertThat(Chromium.HEADLESS_FLAGS).contains("--headless", "--no-sandbox", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-quic");
    }

    private static Path executable(Path path) throws IOException {
        Files.writeString(path, "#!/bin/sh\n");
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
        return path;
    }
}
