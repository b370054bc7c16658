package vn.ntm.testing.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium, found (or installed with apt-get where this process may) and driven through Debian's
 * chromedriver, renders a page served on loopback and runs its script. Nothing is downloaded by Selenium.
 */
class ChromiumIT {

    @Test
    void aHeadlessChromiumRendersAPageOnLoopbackAndRunsItsScript() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] page = """
                <!doctype html><html lang="vi"><body>
                <button id="go" onclick="document.getElementById('out').textContent='Đã bấm'">Bấm</button>
                <p id="out"></p></body></html>""".getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        server.start();
        ChromeDriver browser = Chromium.headless("--window-size=800,600");
        try {
            browser.get("http://127.0.0.1:" + server.getAddress().getPort() + "/");
            browser.findElement(By.id("go")).click();
            new WebDriverWait(browser, Duration.ofSeconds(10))
                    .until(d -> !d.findElement(By.id("out")).getText().isEmpty());
            assertThat(browser.findElement(By.id("out")).getText()).isEqualTo("Đã bấm");
        } finally {
            browser.quit();
            server.stop(0);
        }
    }
}
