package vn.ntm.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import vn.ntm.contracts.UnitRef;
import vn.ntm.identity.DemoUser;
import vn.ntm.support.messaging.EventCodec;
import vn.ntm.testing.JsonHttp;
import vn.ntm.testing.ServiceIntegrationTest;
import vn.ntm.testing.TestIdentity;

/**
 * The dashboard in Debian's headless Chromium (driven by Selenium through Debian's chromedriver; nothing is
 * downloaded): sign in as a demo user of the tests' identity provider (the service is told it is the demo issuer, as
 * the local launcher tells it), drill down to Song Vân in 2024, move the date slider into 2026 and find it inside xã
 * Ngọc Thiện, see threshold provenance on focus, switch to English, and watch a change arrive live; then sign in again
 * with a viewer's token of xã Ngọc Thiện and see only its units, and with a token that is not valid and be sent back
 * to sign in with the reason. Screenshots go to target/.
 * Chromium comes from {@code apt-get install chromium chromium-driver} ({@code .ci/run} installs it when missing).
 */
@ServiceIntegrationTest
@TestPropertySource(properties = "ntm.test.suite=dashboard")
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserIT {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("NTM_CHROMIUM", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER =
            Path.of(System.getenv().getOrDefault("NTM_CHROMEDRIVER", "/usr/bin/chromedriver"));

    @LocalServerPort
    int port;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @Autowired
    EventCodec codec;

    final MergerHistory h = new MergerHistory();

    @DynamicPropertySource
    static void demoIssuer(DynamicPropertyRegistry registry) {
        registry.add("ntm.dashboard.demo-issuer-url", () -> TestIdentity.server().url());
    }

    WebDriver browser;
    WebDriverWait wait;

    @BeforeAll
    void startBrowserAndPublishHistory() throws Exception {
        assertThat(CHROMIUM).as("Debian's chromium: apt-get install -y chromium chromium-driver").isExecutable();
        assertThat(CHROMEDRIVER).as("Debian's chromedriver: apt-get install -y chromium chromium-driver").isExecutable();
        h.publish(brokers, codec);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(new JsonHttp("http://localhost:" + port).asOperator()
                .get("/api/units/" + h.ngocThien + "/timeline").json().size())
                .isGreaterThanOrEqualTo(h.stretchesOf(h.ngocThien, h.songVan, h.ngocChau) + 5));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,2000",
                "--user-data-dir=" + Files.createTempDirectory("ntm-chromium-"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void drillsDownTo2024SongVanSlidesInto2026AndSeesItInsideNgocThienThenALiveChange() throws Exception {
        browser.get("http://localhost:" + port + "/?date=2024-12-31");
        WebElement signIn = wait.until(d -> d.findElement(By.id("sign-in")).isDisplayed()
                ? d.findElement(By.id("sign-in")) : null);
        assertThat(signIn.findElement(By.tagName("h2")).getText()).isEqualTo("Đăng nhập");
        assertThat(browser.findElement(By.id("dashboard")).isDisplayed()).as("no figures before signing in").isFalse();
        assertThat(browser.findElement(By.id("account")).isDisplayed()).isFalse();
        WebElement operator = wait.until(d -> d.findElement(
                By.cssSelector("#demo-users button[data-username='" + TestIdentity.OPERATOR.username() + "']")));
        assertThat(operator.getText()).contains("Kiểm thử", "Cán bộ xã", "Người xem", "toàn nền tảng");
        screenshot("dashboard-sign-in.png");
        operator.click();
        loaded("2024-12-31", "");
        assertThat(browser.findElement(By.id("account")).getText()).contains("Kiểm thử", "Quản trị cấp tỉnh",
                "Đăng xuất");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Nông thôn mới — Bảng theo dõi tiêu chí");
        assertThat(browser.findElement(By.id("date-label")).getText()).isEqualTo("31/12/2024");

        unitButton(h.bacGiang).click();
        loaded("2024-12-31", h.bacGiang);
        unitButton(h.tanYen).click();
        loaded("2024-12-31", h.tanYen);
        unitButton(h.songVan).click();
        loaded("2024-12-31", h.songVan);
        assertThat(browser.findElement(By.id("breadcrumb")).getText())
                .contains("Tỉnh Bắc Giang", "Huyện Tân Yên", "Xã Song Vân");
        WebElement row = browser.findElement(By.cssSelector("#matrix tr[data-unit-id='" + h.songVan + "']"));
        assertThat(row.findElements(By.cssSelector("td.cell.NOT_MET"))).as("the set, coloured").isNotEmpty();
        assertThat(row.findElements(By.cssSelector("td.cell.MET"))).as("criterion 4, coloured").isNotEmpty();
        WebElement indicators = browser.findElement(By.id("indicator-table"));
        assertThat(indicators.getText()).contains("Tỷ lệ hộ sử dụng điện an toàn", "Chưa đạt", "≥ 98 % *");
        WebElement provenance = indicators.findElement(By.cssSelector(".prov"));
        WebElement tip = provenance.findElement(By.cssSelector("[role=tooltip]"));
        assertThat(tip.isDisplayed()).isFalse();
        provenance.sendKeys(Keys.TAB); // moves focus off and back: focus it by keyboard from the previous control
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].focus()", provenance);
        assertThat(tip.isDisplayed()).as("provenance shows on keyboard focus").isTrue();
        assertThat(tip.getText()).contains("Research extract, not verified", "chưa kiểm chứng", "TEST-NTMNC");
        assertThat(browser.findElement(By.id("deadline-table")).getText())
                .contains("Đã xong", "Không đạt đúng hạn", "Đang thực hiện");
        assertThat(browser.findElement(By.id("recognition-table")).getText())
                .contains("Hoàng Vân", "Kiểu mẫu", "Đã công nhận", "2415/QĐ-UBND");
        assertThat(browser.findElements(By.cssSelector("#progress svg polyline"))).isNotEmpty();
        assertThat(browser.findElement(By.id("download-report-xlsx")).getAttribute("href"))
                .contains("/api/exports/progress-report.xlsx?unit=" + h.songVan + "&asOf=2024-12-31");
        screenshot("dashboard-song-van-2024.png");

        WebElement slider = browser.findElement(By.id("date-slider"));
        assertThat(browser.findElement(By.cssSelector("label[for=date-slider]")).getText())
                .isEqualTo("Xem số liệu tính đến ngày");
        slider.sendKeys(Keys.END); // the keyboard moves the slider to today
        String today = LocalDate.now().toString();
        loaded(today, h.ngocThien);
        assertThat(browser.findElement(By.id("notice")).getText())
                .contains("Song Vân đã sáp nhập; đang xem đơn vị kế thừa Ngọc Thiện");
        assertThat(browser.findElement(By.id("breadcrumb")).getText()).contains("Tỉnh Bắc Ninh", "Xã Ngọc Thiện")
                .doesNotContain("Tân Yên");
        assertThat(browser.findElement(By.cssSelector("#matrix tr[data-unit-id='" + h.songVan + "']")).getText())
                .contains("Song Vân (đã sáp nhập vào Ngọc Thiện 01/07/2025)");
        assertThat(browser.findElement(By.cssSelector("#matrix tr[data-unit-id='" + h.hoangVan + "']")).getText())
                .contains("Hoàng Vân");
        assertThat(browser.findElement(By.id("indicator-table")).getText()).contains("Ngọc Thiện", "Đạt");
        screenshot("dashboard-ngoc-thien-2026.png");

        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "const s = arguments[0]; s.value = String(Number(s.value) - 700); s.dispatchEvent(new Event('input'));",
                slider);
        String back = LocalDate.now().minusDays(700).toString();
        loaded(back, h.ngocThien.equals(unitOn(back)) ? h.ngocThien : "");
        assertThat(browser.findElement(By.id("date-label")).getText())
                .isEqualTo(LocalDate.parse(back).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        slider.sendKeys(Keys.END);
        loaded(today, null);
        unitButton(h.bacNinh).click();
        loaded(today, h.bacNinh);
        unitButton(h.ngocThien).click();
        loaded(today, h.ngocThien);

        browser.findElement(By.id("lang-en")).click();
        wait.until(d -> d.findElement(By.id("matrix-heading")).getText().equals("Criteria matrix"));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");

        MergerHistory.powerFrom(h.ngocThien, List.of(new UnitRef(h.ngocThien, "COMMUNE", "Ngọc Thiện")),
                LocalDate.now().minusDays(1), Instant.now(), null, "NOT_MET", "97", false)
                .forEach(e -> MergerHistory.send(brokers, codec, "ntm.criteria", e));
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.findElement(By.id("indicator-table"))
                .getText().contains("Not met"));
        assertThat(browser.findElement(By.id("live-status")).getText()).startsWith("Updated live at");
        screenshot("dashboard-live-update-en.png");
    }

    @Test
    void aViewerOfNgocThienSeesOnlyItsUnitsAndATokenThatIsNotValidSendsBackToSignIn() throws Exception {
        browser.get("http://localhost:" + port + "/?lang=vi");
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("sessionStorage.clear()");
        browser.get("http://localhost:" + port + "/");
        signInWithToken(TestIdentity.issuer().token(new DemoUser("xem@ngocthien", "Người xem Ngọc Thiện",
                List.of("viewer"), h.ngocThien)));
        String today = LocalDate.now().toString();
        loaded(today, "");
        wait.until(d -> d.findElement(By.id("account")).getText().contains("Xã Ngọc Thiện"));
        assertThat(browser.findElement(By.id("account")).getText()).contains("Người xem Ngọc Thiện", "(Người xem)");
        List<String> rows = browser.findElements(By.cssSelector("#matrix tr[data-unit-id]")).stream()
                .map(r -> r.getAttribute("data-unit-id")).toList();
        assertThat(rows).as("the commune, its village and the communes merged into it; nothing above or beside it")
                .contains(h.ngocThien, h.hoangVan, h.songVan, h.ngocChau).doesNotContain(h.bacNinh, h.bacGiang);
        assertThat(browser.findElement(By.id("downloads")).isDisplayed()).as("exports are not a viewer's").isFalse();
        assertThat(browser.findElement(By.id("replay-start")).isDisplayed()).isFalse();
        screenshot("dashboard-viewer-ngoc-thien.png");

        browser.findElement(By.id("sign-out")).click();
        wait.until(d -> d.findElement(By.id("sign-in")).isDisplayed());
        assertThat(js.executeScript("return sessionStorage.length")).isEqualTo(0L);
        signInWithToken("not-a-token");
        WebElement problem = wait.until(d -> d.findElement(By.id("sign-in-message")).isDisplayed()
                ? d.findElement(By.id("sign-in-message")) : null);
        assertThat(problem.getText()).isEqualTo("Phiên đăng nhập đã hết hạn hoặc không hợp lệ. Vui lòng đăng nhập lại.");
        assertThat(browser.findElement(By.id("dashboard")).isDisplayed()).isFalse();
    }

    private void signInWithToken(String token) {
        WebElement field = wait.until(d -> d.findElement(By.id("token-input")).isDisplayed()
                ? d.findElement(By.id("token-input")) : null);
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", field, token);
        browser.findElement(By.id("token-submit")).click();
    }

    /** Ngọc Thiện exists from 2025-07-01; before that the dashboard falls back to the whole tree. */
    private String unitOn(String date) {
        return LocalDate.parse(date).isBefore(MergerHistory.MERGER) ? "" : h.ngocThien;
    }

    private WebElement unitButton(String unitId) {
        try {
            return wait.until(d -> d.findElement(By.cssSelector("#children button[data-unit-id='" + unitId + "']")));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("no unit " + unitId + " to drill into (" + browser.getCurrentUrl() + " "
                    + browser.findElement(By.tagName("body")).getAttribute("data-loaded") + " bg=" + h.bacGiang
                    + " ty=" + h.tanYen + " rows=" + browser.findElements(By.cssSelector("#matrix tr[data-unit-id]"))
                    .stream().map(r -> r.getAttribute("data-unit-id")).toList() + "); the page showed: "
                    + browser.findElement(By.id("children")).getAttribute("innerHTML") + " / "
                    + browser.findElement(By.id("breadcrumb")).getAttribute("innerHTML"), e);
        }
    }

    /** Waits until the dashboard has rendered {@code date} for {@code unit} (null: any unit). */
    private void loaded(String date, String unit) {
        wait.until(d -> {
            String loaded = d.findElement(By.tagName("body")).getAttribute("data-loaded");
            return loaded != null && (unit == null ? loaded.startsWith(date + "|") : loaded.equals(date + "|" + unit));
        });
    }

    private void screenshot(String name) throws Exception {
        File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", "screenshots", name);
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
