package vn.ntm.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.ntm.testing.browser.Chromium;

/**
 * A person at the portal in Debian's headless Chromium: opens pages by address, signs in by typing a username and
 * password on the identity provider's login page, and leaves screenshots under {@code target/screenshots/}.
 */
final class PortalBrowser implements AutoCloseable {

    static final String PASSWORD = "demo";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final WebDriver driver = Chromium.headless("--window-size=1400,2000", "--lang=vi");
    final WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    final String portal = RunningPlatform.get().portal().baseUrl();

    /** Opens a portal page; when nobody is signed in, the provider's login page comes first. */
    PortalBrowser open(String pathAndQuery) {
        driver.get(portal + pathAndQuery);
        return this;
    }

    /** On the provider's login page: types the user's name and password and signs in. */
    PortalBrowser signInAs(String username, String screenshot) {
        WebElement name = wait.until(d -> d.findElements(By.id("username")).stream().findFirst().orElse(null));
        assertThat(driver.getCurrentUrl()).as("the provider's own page, not the portal's")
                .startsWith(RunningPlatform.get().identity().baseUrl());
        if (screenshot != null) {
            screenshot(screenshot);
        }
        name.clear();
        name.sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.id("sign-in")).click();
        return this;
    }

    /** Waits until the portal page has loaded what it shows ({@code body[data-loaded]}). */
    PortalBrowser loaded() {
        wait.until(d -> d.getCurrentUrl().startsWith(portal)
                && !d.findElements(By.cssSelector("body[data-loaded]")).isEmpty());
        return this;
    }

    WebElement find(String css) {
        return wait.until(d -> d.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed)
                .findFirst().orElse(null));
    }

    /** Waits until the element shows text containing every fragment; returns its text. */
    String textOf(String css, String... fragments) {
        try {
            return waitForText(css, fragments);
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot("failed-" + System.currentTimeMillis() + ".png");
            String shown = String.join(" | ", driver.findElements(By.cssSelector(css)).stream()
                    .map(element -> (element.isDisplayed() ? "" : "(hidden) ") + element.getText()).toList());
            throw new AssertionError("Waited for " + css + " to show " + java.util.Arrays.toString(fragments)
                    + " on " + driver.getCurrentUrl() + "; it shows: " + (shown.isEmpty() ? "(no such element)" : shown)
                    + "; page message: " + driver.findElements(By.id("page-message")).stream()
                    .map(WebElement::getText).findFirst().orElse("-"), e);
        }
    }

    private String waitForText(String css, String... fragments) {
        return wait.until(d -> {
            for (WebElement element : d.findElements(By.cssSelector(css))) {
                String text = element.getText();
                boolean all = element.isDisplayed();
                for (String fragment : fragments) {
                    all &= text.contains(fragment);
                }
                if (all) {
                    return text;
                }
            }
            return null;
        });
    }

    void type(String css, String text) {
        WebElement input = find(css);
        input.clear();
        input.sendKeys(text);
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
