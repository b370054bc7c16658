package vn.ntm.launcher;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A stand-in for a service in {@link ServiceWatchIT}, run by a real {@link ServiceProcess} from a jar the test packs:
 * answers the readiness probe on {@code SERVER_PORT}, counts its runs in the file {@code FLAKY_RUNS}, and in its first
 * {@code FLAKY_DYING_RUNS} runs exits with {@code FLAKY_EXIT_CODE} after {@code FLAKY_LIVES_MS}.
 */
public final class FlakyMain {

    private FlakyMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path runs = Path.of(System.getenv("FLAKY_RUNS"));
        int run = (Files.exists(runs) ? Integer.parseInt(Files.readString(runs).strip()) : 0) + 1;
        Files.writeString(runs, String.valueOf(run));
        HttpServer server = HttpServer.create(
                new InetSocketAddress("127.0.0.1", Integer.parseInt(System.getenv("SERVER_PORT"))), 0);
        server.createContext("/actuator/health/readiness", exchange -> {
            byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        System.out.println("flaky run " + run + " listening");
        if (run <= Integer.parseInt(System.getenv("FLAKY_DYING_RUNS"))) {
            Thread.sleep(Long.parseLong(System.getenv("FLAKY_LIVES_MS")));
            System.out.println("flaky run " + run + " dies");
            Runtime.getRuntime().halt(Integer.parseInt(System.getenv("FLAKY_EXIT_CODE")));
        }
    }
}
