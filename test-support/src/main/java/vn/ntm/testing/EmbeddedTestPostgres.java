package vn.ntm.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.PrintStream;
import java.time.Duration;

/**
 * The child JVM of {@link TestPostgres#embedded()}: starts an embedded PostgreSQL on a free port, answers
 * {@value #READY}{@code <port>} on its standard output, and stops the server (deleting its data) when its standard
 * input ends — when the test JVM that started it has exited, or closed the pipe on purpose.
 */
public final class EmbeddedTestPostgres {

    static final String READY = "ready ";

    private EmbeddedTestPostgres() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream parent = System.out;
        System.setOut(System.err); // the server's and the library's own output goes to the log, not to the parent
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPGStartupWait(Duration.ofSeconds(60))
                // the services' pools of every cached test context of a module at once
                .setServerConfig("max_connections", "300")
                .start()) {
            parent.println(READY + postgres.getPort());
            parent.flush();
            while (System.in.read() >= 0) {
                // nothing is ever sent: only the end of the stream matters
            }
        }
        System.exit(0);
    }
}
