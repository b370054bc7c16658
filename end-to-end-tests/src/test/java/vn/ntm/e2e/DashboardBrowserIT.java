package vn.ntm.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import vn.ntm.launcher.DemoLoader;
import vn.ntm.testing.JsonHttp;

/**
 * The dashboard through the portal, in Debian's headless Chromium, across the whole platform: sign in on the
 * identity provider's page, drill down Bắc Giang → Tân Yên → Song Vân in 2024 (demo/song-van.json: Plan 30/KH-UBND
 * of 5/3/2024 and its one measurement), read the coloured matrix, the indicators with their thresholds' provenance,
 * the plan's targets and deadlines, the downloads; move in time by the slider and by the address; switch to English;
 * see a change made through the API arrive live; sign out and see, as Song Vân's officer, only Song Vân; lose the
 * session and be asked to sign in again. Nothing is recorded on Song Vân or Ngọc Thiện (MeasurementFlowIT and
 * RecognitionFlowIT assert their exact history): the live change goes to a commune this test registers itself.
 * What the assertions expect holds whether or not those tests ran before in the same JVM. Screenshots go to
 * {@code target/screenshots/}.
 */
class DashboardBrowserIT {

    /** Ids from demo/song-van.json. */
    private static final String BAC_GIANG = "8cec3aa8-b85f-5359-94cd-fa22f1e99196";
    private static final String TAN_YEN = "aa1da8c2-f413-5205-a529-a8e65ccea840";
    private static final String SONG_VAN = "8565f27f-834a-541b-947f-d43167af318b";
    private static final List<String> SONG_VAN_VILLAGES = List.of("faefc014-499b-5560-bb61-3bd53cd93272",
            "3413ef9a-0bb5-559d-8eb4-cb2624538c05", "aaece664-7592-5bd1-a525-d74210d949dd",
            "9c529206-1786-5948-8fde-85d4018521fa");
    /** Provincial administrator and analyst of the whole platform (demo/users.json). */
    private static final String ANALYST = "quan-tri-he-thong";
    private static final String SET = "VN-XA-NTMNC-2021-2025";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** dashboard.css: white on these passes WCAG AA; a status without its colour is a grey table. */
    private static final Map<String, String> COLOURS = Map.of("MET", "rgba(30, 123, 52, 1)",
            "NOT_MET", "rgba(179, 38, 30, 1)", "UNKNOWN", "rgba(95, 99, 104, 1)");
    private static final Map<String, String> STATUS_VI = Map.of("MET", "Đạt", "NOT_MET", "Chưa đạt",
            "UNKNOWN", "Chưa rõ");

    @BeforeAll
    static void songVanAsPlan30Describes() {
        RunningPlatform.demo().load(DemoLoader.SONG_VAN); // idempotent: other tests may have loaded it already
    }

    /**
     * Catches: a portal that does not send an unknown visitor to the provider (or serves figures before sign-in); a
     * header that shows the wrong account or English role names; drill-down buttons that do not load the unit; a
     * matrix whose status classes lose their colours; indicators without their threshold's provenance, or a
     * provenance tooltip only a mouse can open (no {@code tabindex}, no {@code :focus} rule); download links that
     * point at the page's own {@code /api/…} (which the portal does not serve) instead of
     * {@code /reporting/api/exports/…}; the plan's tasks and targets missing or in the wrong state.
     */
    @Test
    void anAnalystSignsInOnTheProvidersPageAndDrillsDownToSongVanIn2024() {
        try (PortalBrowser browser = new PortalBrowser()) {
            browser.open("/?date=2024-03-31").signInAs(ANALYST, "dashboard-sign-in.png");
            shows(browser, "2024-03-31", "");
            String account = browser.textOf("#account", "Quản trị toàn hệ thống");
            assertThat(account).contains("(Quản trị cấp tỉnh, Chuyên viên phân tích)", "Phạm vi: toàn nền tảng",
                    "Đăng xuất");
            assertThat(browser.textOf("h1")).isEqualTo("Nông thôn mới — Bảng theo dõi tiêu chí");
            assertThat(browser.textOf("#date-label")).isEqualTo("31/03/2024");
            assertThat(browser.textOf("label[for=date-slider]")).isEqualTo("Xem số liệu tính đến ngày");

            drillInto(browser, BAC_GIANG, "2024-03-31");
            drillInto(browser, TAN_YEN, "2024-03-31");
            drillInto(browser, SONG_VAN, "2024-03-31");
            assertThat(browser.textOf("#breadcrumb")).contains("Tỉnh Bắc Giang", "Huyện Tân Yên", "Xã Song Vân");
            assertThat(browser.driver.getCurrentUrl()).endsWith("?date=2024-03-31&unit=" + SONG_VAN);

            // the matrix: Song Vân and its four villages, every cell coloured by its status
            List<String> rows = browser.driver.findElements(By.cssSelector("#matrix tr[data-unit-id]")).stream()
                    .map(row -> row.getDomAttribute("data-unit-id")).toList();
            assertThat(rows).containsExactlyInAnyOrderElementsOf(concat(SONG_VAN, SONG_VAN_VILLAGES));
            assertColoured(browser.find("#matrix tr[data-unit-id='" + SONG_VAN + "']"));
            assertThat(browser.textOf("#matrix thead"))
                    .contains("Bộ tiêu chí quốc gia về xã nông thôn mới nâng cao giai đoạn 2021-2025 · phiên bản 1");

            // the indicators: the demo's one measurement, its threshold for Song Vân's region, and where it comes from
            WebElement electricity = browser.wait.until(d -> d.findElements(By.xpath("//table[@id='indicator-table']"
                    + "//tr[td[1]='" + SET + "' and starts-with(td[2], '4.2 ')]")).stream().findFirst().orElse(null));
            assertThat(electricity.getText()).contains("Tỷ lệ hộ có đăng ký trực tiếp", "Đạt", "100",
                    "≥ 98 %", "05/03/2024", "can-bo-song-van");
            WebElement provenance = electricity.findElement(By.cssSelector(".prov"));
            WebElement tip = provenance.findElement(By.cssSelector("[role=tooltip]"));
            assertThat(provenance.getDomAttribute("aria-describedby")).isEqualTo(tip.getDomAttribute("id"));
            assertThat(tip.isDisplayed()).as("hidden until asked for").isFalse();
            tabTo(browser, browser.find("#matrix"), provenance);
            assertThat(tip.isDisplayed()).as("provenance shows on keyboard focus").isTrue();
            assertThat(tip.getText()).contains("Căn cứ:", "1327/QĐ-BCT", "đã kiểm chứng", SET + " phiên bản 1");
            browser.screenshot("dashboard-song-van-provenance.png");

            // downloads: links to reporting-service through the portal, and the click hands over the file
            assertThat(browser.find("#download-report-xlsx").getDomAttribute("href")).isEqualTo(
                    "/reporting/api/exports/progress-report.xlsx?unit=" + SONG_VAN + "&asOf=2024-03-31&lang=vi");
            assertThat(browser.find("#download-matrix-csv").getDomAttribute("href"))
                    .startsWith("/reporting/api/exports/matrix.csv?").contains("asOf=2024-03-31", "unit=" + SONG_VAN);
            assertThat(fetchInPage(browser, browser.find("#download-matrix-xlsx").getDomAttribute("href")))
                    .as("the link itself, fetched with the session").isEqualTo("200 " + XLSX);
            js(browser).executeScript("const create = URL.createObjectURL; window.downloaded = null;"
                    + "URL.createObjectURL = blob => { window.downloaded = blob.type + ' ' + blob.size; return create(blob); };");
            browser.find("#download-report-xlsx").click();
            String downloaded = browser.wait.until(d -> (String) js(browser).executeScript("return window.downloaded"));
            assertThat(downloaded).startsWith(XLSX + " ");
            assertThat(browser.driver.findElement(By.id("notice")).isDisplayed()).as("no 'download failed'").isFalse();

            // Plan 30/KH-UBND: two tasks due in early April, still open on 31/3; four targets due 31/12, nothing
            // measured for them yet (the demo's measurement is of the advanced set, the plan's targets of the basic one)
            assertThat(browser.driver.findElements(By.cssSelector("#deadline-table .deadline.OPEN"))).hasSize(2);
            assertThat(browser.textOf("#deadline-table tr[data-task='model-village-schemes']")).contains("01/04/2024",
                    "Khảo sát, đánh giá thực trạng tiêu chí", "(30/KH-UBND)",
                    "Ban phát triển thôn Hoàng Vân và thôn Tân Lập", "Đang thực hiện");
            assertThat(browser.textOf("#deadline-table tr[data-task='village-plans-2024']")).contains("05/04/2024",
                    "Ban phát triển các thôn xây dựng kế hoạch cụ thể năm 2024", "(30/KH-UBND)",
                    "Đang thực hiện");
            List<WebElement> targets = browser.driver.findElements(By.cssSelector("#progress figure.target"));
            assertThat(targets).hasSize(4);
            assertThat(targets).allSatisfy(target -> {
                assertThat(target.findElement(By.tagName("figcaption")).getText())
                        .startsWith("30/KH-UBND — Song Vân:").endsWith("Chưa có số liệu");
                assertThat(target.findElement(By.cssSelector("svg.chart .due-label")).getText())
                        .isEqualTo("Hạn 31/12/2024");
            });
            assertThat(browser.textOf("#progress")).contains(
                    "Thu nhập bình quân đầu người đạt từ 54 triệu đồng/người/năm",
                    "Nâng tỷ lệ lao động qua đào tạo đạt 74%", "Tỷ lệ người dân tham gia BHYT đạt trên 99,6%",
                    "Duy trì 100% hộ sử dụng điện sinh hoạt");
            assertThat(browser.textOf("#recognitions")).isEqualTo("Không có.");
            js(browser).executeScript("window.scrollTo(0, 0)");
            browser.screenshot("dashboard-song-van-2024.png");
        }
    }

    /**
     * Catches: a slider that moves the label but not the figures (or not the address, so a reload loses the date);
     * a {@code ?date=} the page ignores or does not put on the slider; an English switch that leaves labels, tables
     * or the header in Vietnamese, or renames places.
     */
    @Test
    void theSliderAndTheAddressMoveTheDashboardInTimeAndEnglishChangesItsLabels() {
        try (PortalBrowser browser = new PortalBrowser()) {
            browser.open("/?date=2024-03-31&unit=" + SONG_VAN).signInAs(ANALYST, null);
            shows(browser, "2024-03-31", SONG_VAN);
            browser.textOf("#deadline-table", "Đang thực hiện");

            // six days on by the keyboard: both tasks of the plan are now past due and not done
            WebElement slider = browser.find("#date-slider");
            for (int day = 0; day < 6; day++) {
                slider.sendKeys(Keys.ARROW_RIGHT);
            }
            shows(browser, "2024-04-06", SONG_VAN);
            assertThat(browser.textOf("#date-label")).isEqualTo("06/04/2024");
            assertThat(slider.getDomAttribute("aria-valuetext")).isEqualTo("06/04/2024");
            assertThat(browser.driver.getCurrentUrl()).contains("date=2024-04-06");
            assertThat(browser.driver.findElements(By.cssSelector("#deadline-table .deadline.MISSED"))).hasSize(2);
            assertThat(browser.textOf("#deadline-table")).contains("Không đạt đúng hạn").doesNotContain("Đang thực hiện");

            // the address: a date after the targets' due date puts the slider there and shows them missed
            browser.open("/?date=2025-01-15&unit=" + SONG_VAN);
            shows(browser, "2025-01-15", SONG_VAN);
            assertThat(browser.find("#date-slider").getDomProperty("value")).as("days since 1/1/2024").isEqualTo("380");
            assertThat(browser.textOf("#date-label")).isEqualTo("15/01/2025");
            assertThat(browser.driver.findElements(By.cssSelector("#progress .progress-state.MISSED"))).hasSize(4);
            browser.screenshot("dashboard-song-van-2025.png");

            redrawnAfter(browser, () -> browser.find("#lang-en").click());
            assertThat(browser.textOf("#matrix-heading")).isEqualTo("Criteria matrix");
            assertThat(browser.driver.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
            assertThat(browser.textOf("h1")).isEqualTo("New Rural Development — criteria dashboard");
            assertThat(browser.textOf("label[for=date-slider]")).isEqualTo("Show figures as of");
            assertThat(browser.textOf("#account")).contains("Signed in:", "Provincial administrator, Analyst",
                    "Scope: whole platform", "Sign out");
            assertThat(browser.textOf("#breadcrumb")).contains("Province Bắc Giang", "District Tân Yên",
                    "Commune Song Vân");
            assertThat(browser.textOf("#deadline-table")).contains("Missed", "Responsible office");
            assertThat(browser.textOf("#progress")).contains("Missed").doesNotContain("Không đạt đúng hạn");
            assertThat(browser.driver.getCurrentUrl()).contains("lang=en");
            browser.screenshot("dashboard-song-van-2025-en.png");

            redrawnAfter(browser, () -> browser.find("#lang-vi").click());
            assertThat(browser.textOf("#matrix-heading")).isEqualTo("Ma trận tiêu chí");
            assertThat(browser.textOf("#deadline-table")).contains("Không đạt đúng hạn").doesNotContain("Missed");
        }
    }

    /**
     * Catches: a feed the portal does not relay (or buffers until the stream ends), a dashboard that does not listen
     * to it, or one that reloads the whole page instead of redrawing what changed.
     */
    @Test
    void aChangeMadeThroughTheApiShowsOnTheOpenDashboardWithoutReloading() {
        String commune = RunningPlatform.registerCommune("kiểm thử bảng theo dõi");
        try (PortalBrowser browser = new PortalBrowser()) {
            browser.open("/?date=2024-12-31&unit=" + commune).signInAs(ANALYST, null);
            shows(browser, "2024-12-31", commune);
            String row = "#matrix tr[data-unit-id='" + commune + "']";
            assertThat(browser.textOf("#matrix")).as("nothing measured yet: no set to show").isEqualTo("Không có.");
            assertThat(browser.textOf("#indicators")).isEqualTo("Không có.");
            assertThat(browser.driver.findElement(By.id("live-status")).getText()).isEmpty();
            // the feed is connected (its first comment arrived through the portal) before the change is made
            browser.wait.until(d -> Boolean.TRUE.equals(js(browser).executeScript(
                    "return typeof feed !== 'undefined' && feed !== null && feed.readyState === EventSource.OPEN")));
            js(browser).executeScript("window.sameDocument = true");

            JsonHttp.Response recorded = RunningPlatform.criteria().post("/api/units/" + commune + "/measurements",
                    Map.of("criteriaSet", SET, "indicatorCode", "4.2", "numerator", 1900, "denominator", 2150,
                            "validOn", "2024-09-30", "evidence", Map.of("note", "kiểm thử bảng theo dõi")));
            assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);

            assertThat(browser.textOf("#live-status", "Đã cập nhật trực tiếp lúc")).matches(
                    "Đã cập nhật trực tiếp lúc \\d{1,2}:\\d{2}:\\d{2}");
            browser.textOf(row + " td.cell.NOT_MET", "Chưa đạt");
            assertColoured(browser.find(row));
            assertThat(browser.textOf("#indicator-table", "4.2 Tỷ lệ hộ có đăng ký trực tiếp"))
                    .contains("Chưa đạt", "30/09/2024", RunningPlatform.OPERATOR);
            assertThat(js(browser).executeScript("return window.sameDocument")).as("not reloaded").isEqualTo(true);
            browser.screenshot("dashboard-live-change.png");
        }
    }

    /**
     * Catches: a sign-out button that leaves the portal's or the provider's session alive; a portal that relays a
     * privileged token (or none) instead of the user's, so an officer would see other communes or a province; and a
     * dashboard that offers an officer the downloads and the rebuild only analysts and administrators may use.
     */
    @Test
    void afterSigningOutSongVansOfficerSeesOnlySongVanAndItsVillages() {
        try (PortalBrowser browser = new PortalBrowser()) {
            browser.open("/?date=2024-06-30").signInAs(ANALYST, null);
            shows(browser, "2024-06-30", "");
            browser.find("#sign-out").click();
            browser.wait.until(d -> !d.findElements(By.id("username")).isEmpty());
            browser.screenshot("dashboard-signed-out.png");
            browser.open("/?date=2024-06-30");
            browser.wait.until(d -> !d.findElements(By.id("username")).isEmpty());

            browser.signInAs("can-bo-song-van", null);
            shows(browser, "2024-06-30", "");
            assertThat(browser.textOf("#account-name")).isEqualTo("Cán bộ xã Song Vân");
            assertThat(browser.textOf("#account")).contains("(Cán bộ xã)").doesNotContain("toàn nền tảng");
            List<String> rows = browser.driver.findElements(By.cssSelector("#matrix tr[data-unit-id]")).stream()
                    .map(row -> row.getDomAttribute("data-unit-id")).toList();
            assertThat(rows).as("the commune and its villages, nothing above or beside them")
                    .containsExactlyInAnyOrderElementsOf(concat(SONG_VAN, SONG_VAN_VILLAGES));
            assertThat(browser.driver.findElement(By.id("downloads")).isDisplayed()).as("exports are not an officer's")
                    .isFalse();
            assertThat(browser.driver.findElement(By.id("replay-start")).isDisplayed()).isFalse();
            browser.screenshot("dashboard-officer-song-van.png");

            // the province above, asked for by address: refused, and the dashboard says so
            browser.open("/?date=2024-06-30&unit=" + BAC_GIANG);
            browser.textOf("#matrix [role=alert]", "Không tải được dữ liệu");
            assertThat(browser.driver.findElements(By.cssSelector("#matrix tr[data-unit-id]"))).isEmpty();
        }
    }

    /**
     * Catches: a dashboard that keeps showing figures (or fails silently) once the portal's session has ended, one
     * that sends the user to sign in without a word, and one whose "sign in again" returns to another date than the
     * one the user had moved to.
     */
    @Test
    void whenThePortalsSessionEndsMovingTheDateAsksToSignInAgainAndComesBackToThatDate() {
        try (PortalBrowser browser = new PortalBrowser()) {
            browser.open("/?date=2024-06-30&unit=" + SONG_VAN).signInAs(ANALYST, null);
            shows(browser, "2024-06-30", SONG_VAN);

            browser.driver.manage().deleteCookieNamed("JSESSIONID");
            browser.find("#date-slider").sendKeys(Keys.ARROW_RIGHT);
            assertThat(browser.textOf("#session-ended", "Phiên đăng nhập đã kết thúc")).contains("đăng nhập lại");
            assertThat(browser.textOf("#sign-in-again")).isEqualTo("Đăng nhập lại");
            assertThat(browser.textOf("#date-label")).isEqualTo("01/07/2024");
            browser.screenshot("dashboard-session-ended.png");

            browser.find("#sign-in-again").click();
            // the provider's own session is still alive: it signs the user in again without asking
            shows(browser, "2024-07-01", SONG_VAN);
            assertThat(browser.driver.findElements(By.cssSelector("#session-ended"))).isEmpty();
            assertThat(browser.textOf("#account-name")).isEqualTo("Quản trị toàn hệ thống");
        }
    }

    /** Waits until the dashboard has drawn {@code date} for {@code unit} ("": the whole tree it may see). */
    private static void shows(PortalBrowser browser, String date, String unit) {
        String expected = date + "|" + unit;
        try {
            browser.wait.until(d -> d.getCurrentUrl().startsWith(browser.portal) && d.findElements(By.cssSelector(
                    "body[data-loaded='" + expected + "']")).stream().findFirst().isPresent());
        } catch (TimeoutException e) {
            browser.screenshot("failed-" + System.currentTimeMillis() + ".png");
            throw new AssertionError("The dashboard did not show " + expected + " on " + browser.driver.getCurrentUrl()
                    + "; it shows " + browser.driver.findElements(By.tagName("body")).stream()
                    .map(b -> b.getDomAttribute("data-loaded")).findFirst().orElse("-") + ": "
                    + browser.driver.findElements(By.id("matrix")).stream().map(WebElement::getText).findFirst()
                    .orElse("(no matrix)"), e);
        }
    }

    /** Runs {@code action} and waits until the dashboard has drawn what it shows again, after the action. */
    private static void redrawnAfter(PortalBrowser browser, Runnable action) {
        String[] shown = ((String) js(browser).executeScript("const shown = document.body.dataset.loaded;"
                + "delete document.body.dataset.loaded; return shown;")).split("\\|", -1);
        action.run();
        shows(browser, shown[0], shown[1]);
    }

    private static void drillInto(PortalBrowser browser, String unit, String date) {
        browser.find("#children button[data-unit-id='" + unit + "']").click();
        shows(browser, date, unit);
    }

    /** Every status cell of the row carries its status's colour and word. */
    private static void assertColoured(WebElement row) {
        List<WebElement> cells = row.findElements(By.cssSelector("td.cell"));
        assertThat(cells).isNotEmpty();
        for (WebElement cell : cells) {
            String status = Arrays.stream(cell.getDomAttribute("class").split(" ")).filter(COLOURS::containsKey)
                    .findFirst().orElseThrow(() -> new AssertionError("no status on " + cell.getText()));
            assertThat(cell.getCssValue("background-color")).as(status).isEqualTo(COLOURS.get(status));
            assertThat(cell.getText()).startsWith(STATUS_VI.get(status));
        }
    }

    /** Moves the keyboard focus with Tab, from {@code start}, until it reaches {@code target}. */
    private static void tabTo(PortalBrowser browser, WebElement start, WebElement target) {
        js(browser).executeScript("arguments[0].focus()", start);
        for (int presses = 0; presses < 200; presses++) {
            if (target.equals(browser.driver.switchTo().activeElement())) {
                return;
            }
            new Actions(browser.driver).sendKeys(Keys.TAB).perform();
        }
        throw new AssertionError("Tab never reached " + target.getText());
    }

    /** What the page gets for {@code href} with its own session: status and content type. */
    private static String fetchInPage(PortalBrowser browser, String href) {
        browser.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return (String) js(browser).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0], { credentials: 'same-origin' })"
                + ".then(r => done(r.status + ' ' + r.headers.get('Content-Type')), e => done('failed ' + e));", href);
    }

    private static JavascriptExecutor js(PortalBrowser browser) {
        return (JavascriptExecutor) browser.driver;
    }

    private static List<String> concat(String first, List<String> rest) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(first), rest.stream()).toList();
    }
}
