package vn.ntm.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ntm.testing.MeasurementSheets.fill;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;
import vn.ntm.launcher.DemoLoader;

/**
 * A commune officer's whole job in the browser, across the platform (portal, identity provider, the three
 * services): sign in on the provider's page; fill in a form with a bad line and see the refusal beside that line;
 * fix it and record; see the dashboard change live when a figure is corrected; correct and retract from the history;
 * lose the session mid-form and get the typed values back after signing in again; import a spreadsheet with a dry
 * run, then commit; sign out. The test works on a commune of its own (registered through the API), so the other
 * end-to-end tests' histories of Song Vân stay as they expect; an officer of xã Song Vân then sees only their own
 * units. Screenshots go to {@code target/screenshots/}.
 */
class OfficerBrowserIT {

    private static final String SET = "VN-XA-NTMNC-2021-2025";
    private static final String OFFICER = RunningPlatform.OPERATOR; // every role, the whole platform
    private String commune;

    @Test
    void anOfficerRecordsCorrectsRetractsAndImportsInTheBrowserAndTheDashboardFollows() throws Exception {
        RunningPlatform.demo().load(DemoLoader.SONG_VAN); // publishes the 2021–2025 sets (idempotent)
        commune = RunningPlatform.registerCommune("kiểm thử trình duyệt");

        try (PortalBrowser browser = new PortalBrowser()) {
            // sign in on the provider's page: the portal sends an unknown visitor there first
            browser.open("/record.html?date=2024-09-30&unit=" + commune + "&criteriaSet=" + SET)
                    .signInAs(OFFICER, "officer-sign-in.png").loaded();
            assertThat(browser.textOf("#account-name")).contains("Vận hành");
            assertThat(browser.textOf("h1")).isEqualTo("Nông thôn mới — Ghi số liệu chỉ tiêu");
            assertThat(new Select(browser.find("#unit")).getFirstSelectedOption().getAttribute("value"))
                    .isEqualTo(commune);
            browser.textOf("tr[data-code='4.2']", "Tỷ lệ hộ có đăng ký trực tiếp", "≥ 98", "Chưa rõ", "chưa có");

            // a form with a bad line (numerator above denominator): refused beside that line, nothing recorded
            browser.type(id("num-4.2"), "2200");
            browser.type(id("den-4.2"), "2150");
            assertThat(browser.textOf(id("pct-4.2"), "%")).as("the percentage, live").contains("102,33");
            browser.type(id("val-10"), "74,5");
            new Select(browser.find(id("pass-4.1"))).selectByValue("true");
            browser.type(id("office-4.1"), "Sở Công Thương (kiểm thử)");
            browser.type("#evidence-document", "12/BC-UBND");
            browser.find("#submit-form").click();
            String refusal = browser.textOf(id("error-4.2"), "Tử số");
            assertThat(refusal).contains("lớn hơn mẫu số");
            assertThat(browser.find(id("num-4.2")).getAttribute("aria-invalid")).isEqualTo("true");
            browser.screenshot("officer-form-refused.png");
            assertThat(measurementsOf(commune)).as("nothing of the refused form was recorded").isEmpty();

            // fixed: recorded as one form, the new statuses show
            browser.type(id("num-4.2"), "1900");
            assertThat(browser.textOf(id("pct-4.2"), "%")).contains("88,37");
            browser.find("#submit-form").click();
            browser.textOf("#page-message", "Đã ghi số liệu của 3 chỉ tiêu", "30/09/2024");
            browser.textOf("tr[data-code='4.2']", "Chưa đạt", "1.900/2.150");
            browser.textOf("tr[data-code='10']", "74,5");
            assertThat(measurementsOf(commune)).hasSize(3);
            browser.screenshot("officer-form-recorded.png");

            // the dashboard, open in another tab, follows live
            String recordTab = browser.driver.getWindowHandle();
            browser.driver.switchTo().newWindow(WindowType.TAB);
            String dashboardTab = browser.driver.getWindowHandle();
            browser.open("/?date=2024-09-30&unit=" + commune).loaded();
            browser.textOf("#matrix tr[data-unit-id='" + commune + "']", "Chưa đạt");
            browser.driver.switchTo().window(recordTab);

            // correct 4.2 from its history, with a reason
            browser.find("[data-history='4.2']").click();
            browser.textOf("#history-entries", "Ghi số liệu", "1.900/2.150");
            browser.find("#history-entries [data-correct]").click();
            browser.type("#change-numerator", "2150");
            browser.type("#change-reason", "Nhập nhầm tử số");
            browser.find("#change-submit").click();
            browser.textOf("#history-entries", "Sửa số liệu", "Nhập nhầm tử số", "2.150/2.150");
            browser.textOf("tr[data-code='4.2']", "Đạt", "2.150/2.150");
            browser.driver.switchTo().window(dashboardTab);
            browser.textOf("#live-status", "Đã cập nhật trực tiếp lúc");
            browser.textOf("#matrix tr[data-unit-id='" + commune + "'] td.cell.MET", "Đạt");
            browser.screenshot("dashboard-live-after-correction.png");
            browser.driver.close();
            browser.driver.switchTo().window(recordTab);

            // retract indicator 10, with a reason
            browser.find("[data-history='10']").click();
            browser.textOf("#history-heading", "10");
            browser.find("#history-entries [data-retract]").click();
            browser.type("#change-reason", "Số liệu thu nhập chưa được thẩm định");
            browser.find("#change-submit").click();
            browser.textOf("#history-entries", "Rút lại số liệu", "Số liệu thu nhập chưa được thẩm định");
            browser.screenshot("officer-history-retracted.png");

            // the session ends mid-form: what was typed is kept and comes back after signing in again
            browser.open("/record.html?date=2024-12-31&unit=" + commune + "&criteriaSet=" + SET).loaded();
            browser.type(id("num-4.2"), "2000");
            browser.type(id("den-4.2"), "2150");
            browser.driver.manage().deleteCookieNamed("JSESSIONID");
            browser.find("#submit-form").click();
            browser.textOf("#session-ended", "Phiên đăng nhập đã kết thúc");
            browser.screenshot("officer-session-ended.png");
            browser.find("#sign-in-again").click();
            // the provider's own session is still alive: it signs the user in again without asking
            browser.loaded();
            browser.textOf("#page-message", "Đã khôi phục");
            assertThat(browser.find(id("num-4.2")).getAttribute("value")).isEqualTo("2000");
            browser.find("#submit-form").click();
            browser.textOf("#page-message", "Đã ghi số liệu của 1 chỉ tiêu", "31/12/2024");

            // a spreadsheet: the template filled in with one bad line, previewed, refused; fixed, previewed, recorded
            browser.open("/import.html?date=2025-03-31&unit=" + commune + "&criteriaSet=" + SET).loaded();
            byte[] template = template(commune, "2025-03-31");
            Path bad = file("quy-1-2025-loi.xlsx", fill(template, Map.of("4.2", "hai nghìn", "10", "80,5")));
            browser.find("#import-file").sendKeys(bad.toString());
            browser.find("#dry-run").click();
            browser.textOf("#preview-table tr[data-classification='REFUSED']", "4.2", "Bị từ chối");
            browser.textOf("#import-problem", "Không dòng nào được ghi");
            assertThat(browser.driver.findElement(By.id("commit")).isDisplayed()).isFalse();
            browser.screenshot("officer-import-refused.png");

            Path good = file("quy-1-2025.xlsx", fill(template, Map.of("4.2", "2100/2150", "10", "80,5")));
            browser.find("#import-file").sendKeys(good.toString());
            browser.find("#dry-run").click();
            browser.textOf("#preview-summary", "1 ghi mới, 1 thay đổi");
            browser.textOf("#preview-table tr[data-classification='NEW']", "10", "80,5");
            browser.textOf("#preview-table tr[data-classification='CHANGED']", "4.2", "2000/2150", "2100/2150");
            browser.screenshot("officer-import-preview.png");
            int before = measurementsOf(commune).size();
            browser.find("#commit").click();
            browser.textOf("#page-message", "Đã ghi 2 chỉ tiêu", "31/03/2025");
            assertThat(measurementsOf(commune)).hasSize(before + 2);

            // the same file again records nothing
            browser.find("#dry-run").click();
            browser.textOf("#preview-summary", "2 không đổi");
            browser.textOf("#page-message", "Không có gì để ghi");

            // sign out: the portal and the provider forget the user; the portal sends them to sign in again
            browser.find("#sign-out").click();
            browser.wait.until(d -> !d.findElements(By.id("username")).isEmpty());
            browser.screenshot("officer-signed-out.png");
            browser.open("/record.html?date=2024-09-30");
            browser.wait.until(d -> !d.findElements(By.id("username")).isEmpty());

            // an officer of xã Song Vân picks only among their own units
            browser.signInAs("can-bo-song-van", null).loaded();
            List<String> units = new Select(browser.find("#unit")).getOptions().stream().map(WebElement::getText)
                    .map(String::strip).toList();
            assertThat(units).contains("Song Vân").doesNotContain("Xã kiểm thử trình duyệt");
            assertThat(browser.textOf("#account-name")).isEqualTo("Cán bộ xã Song Vân");
        }
    }

    /** A CSS selector for an element id that holds dots (indicator codes do). */
    private static String id(String id) {
        return "[id='" + id + "']";
    }

    /** Every measurement recorded for the unit's three indicators of the set (criteria-service's history). */
    private static List<JsonNode> measurementsOf(String unit) {
        return List.of("4.1", "4.2", "10").stream()
                .map(code -> RunningPlatform.criteria().get("/api/units/" + unit + "/history?criteriaSet=" + SET
                        + "&code=" + code).json())
                .flatMap(history -> StreamSupport.stream(history.spliterator(), false))
                .filter(e -> e.path("kind").asString().equals("MEASUREMENT_RECORDED")).toList();
    }

    /** The blank template as the officer downloads it (criteria-service's measurement-template). */
    private static byte[] template(String unit, String validOn) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        RunningPlatform.get().criteria().baseUrl() + "/api/units/" + unit
                                + "/measurement-template?criteriaSet=" + SET + "&validOn=" + validOn))
                .header("Authorization", "Bearer " + RunningPlatform.get().token(OFFICER)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static Path file(String name, byte[] bytes) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "uploads"));
        return Files.write(dir.resolve(name), bytes).toAbsolutePath();
    }
}
