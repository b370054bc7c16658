package vn.ntm.launcher;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Starts the platform in the foreground on the well-known local ports, loads the Song Vân demo and runs until
 * Ctrl-C. Started by {@code ./mvnw -Prun -DskipTests package}, which passes {@code -Dntm.home} and
 * {@code -Dntm.instances} (1 unless the command line says {@code -Dntm.instances=2}: two processes of each service,
 * the second on the first one's port + 100).
 */
public final class LocalPlatform {

    private LocalPlatform() {
    }

    public static void main(String[] args) throws InterruptedException {
        // The launcher's own Kafka client and embedded PostgreSQL would otherwise log at INFO over the banner.
        System.setProperty("log4j2.configurationFile", "vn/ntm/launcher/launcher-log4j2.properties");
        Path ntmHome = Path.of(System.getProperty("ntm.home", ".")).toAbsolutePath().normalize();
        PlatformSettings settings;
        try {
            settings = PlatformSettings.local(ntmHome).withInstances(PlatformSettings.instancesFromSystemProperties());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }

        String portInUse = firstPortInUse(settings);
        if (portInUse != null) {
            System.err.println(portInUse);
            System.exit(2);
        }

        PlatformHolder holder = new PlatformHolder();
        Runtime.getRuntime().addShutdownHook(new Thread(holder::shutDown, "ntm-shutdown"));
        try {
            System.out.println("Starting the NTM platform from " + ntmHome + " (logs in " + settings.workDir() + ") ...");
            Platform platform = holder.set(Platform.start(settings));
            DemoLoader loader = new DemoLoader(platform.baseUrls(), platform::machineToken, platform::token);
            DemoLoader.Summary demo = loader.load(DemoLoader.SONG_VAN).plus(loader.load(DemoLoader.MERGER_2025));
            System.out.println(banner(platform, demo));
        } catch (RuntimeException e) {
            // After Ctrl-C the children are being stopped on purpose: their exit is no start-up failure to report.
            if (!holder.isShuttingDown()) {
                System.err.println("The platform could not start: " + e.getMessage());
            }
            System.exit(1);
        }
        // Runs until Ctrl-C; the shutdown hook then stops everything.
        new CountDownLatch(1).await();
    }

    /** A clear message naming the first local port that is taken, or null if all are free. */
    private static String firstPortInUse(PlatformSettings settings) {
        Map<Integer, String> ports = new LinkedHashMap<>();
        ports.put(settings.kafkaPort(), "Kafka");
        ports.put(settings.kafkaControllerPort(), "the Kafka controller");
        for (String service : PlatformSettings.SERVICES) {
            List<Integer> instancePorts = settings.instancePorts(service);
            for (int i = 0; i < instancePorts.size(); i++) {
                ports.put(instancePorts.get(i), Platform.instanceName(service, i));
            }
        }
        ports.put(settings.identityPort(), "the identity provider");
        ports.put(settings.portalPort(), "the web portal");
        for (Map.Entry<Integer, String> port : ports.entrySet()) {
            try (ServerSocket ignored = new ServerSocket(port.getKey())) {
                // free
            } catch (IOException e) {
                return "Port " + port.getKey() + " (for " + port.getValue() + ") is already in use. Is the platform"
                        + " already running? Stop whatever listens there (e.g. `ss -ltnp | grep " + port.getKey()
                        + "`) and try again.";
            }
        }
        return null;
    }

    /**
     * What to open: the portal first (people's one address; the services' root URLs need a token and answer 401, so
     * the banner names their API docs and health instead), then what operators and scripts use.
     */
    private static String banner(Platform platform, DemoLoader.Summary demo) {
        DemoUsers.DemoClient operator = DemoUsers.client(DemoUsers.OPERATOR_CLIENT);
        String password = DemoUsers.load().stream().map(DemoUsers.DemoUser::password).distinct()
                .collect(Collectors.joining(", "));
        StringBuilder text = new StringBuilder("\n=== NTM platform is running ===\n\n")
                .append(String.format("%-18s %s/%n", "Open in a browser", platform.portal().baseUrl()))
                .append(String.format("%-18s can-bo-ngoc-thien (officer of xã Ngọc Thiện), quan-tri-he-thong, ...;"
                        + " password %s (README: Demo accounts)%n%n", "Sign in as", password));
        for (String name : PlatformSettings.SERVICES) {
            for (ServiceProcess service : platform.instances(name)) {
                text.append(String.format("%-18s %s/swagger-ui.html  (health: /actuator/health)%n", service.name(),
                        service.baseUrl()));
            }
        }
        return text.append(String.format("%-18s %s%n", "Identity provider", platform.identity().baseUrl()))
                .append(String.format("%-18s curl -s -u %s:%s -d grant_type=client_credentials %s/oauth2/token%n",
                        "Machine token", operator.clientId(), operator.secret(), platform.identity().baseUrl()))
                .append(String.format("%-18s %s%n", "Kafka", platform.kafka().bootstrapServers()))
                .append(String.format("%-18s %s%n", "PostgreSQL", platform.postgres().describe()))
                .append(String.format("%-18s %s%n", "Logs", platform.settings().workDir()))
                .append(String.format("%-18s %s%n", "Demo data", demo))
                .append(String.format("%-18s %d of each service (-D%s=N); one that dies is reported and started"
                        + " again, at most %d times in %d minutes%n", "Instances", platform.settings().instances(),
                        PlatformSettings.INSTANCES_PROPERTY, ServiceWatch.MAX_RESTARTS,
                        ServiceWatch.WINDOW.toMinutes()))
                .append("\nPress Ctrl-C to stop.\n")
                .toString();
    }

    /** Lets the shutdown hook find the platform, which exists only once start-up has finished. */
    private static final class PlatformHolder {
        private static final Duration CHILD_STOP_TIMEOUT = Duration.ofSeconds(20);
        private volatile Platform platform;
        private volatile boolean shuttingDown;

        Platform set(Platform started) {
            platform = started;
            return started;
        }

        boolean isShuttingDown() {
            return shuttingDown;
        }

        void shutDown() {
            shuttingDown = true;
            Platform started = platform;
            if (started != null) {
                System.out.println("Stopping the NTM platform ...");
                try {
                    started.close();
                } catch (RuntimeException e) {
                    System.err.println("Problem while stopping: " + e.getMessage());
                }
            }
            // Ctrl-C during start-up, or a failed stop, can leave children that no Platform owns: never leave them.
            ProcessHandle.current().descendants().forEach(ProcessHandle::destroy);
            ProcessHandle.current().descendants().forEach(child -> {
                try {
                    child.onExit().get(CHILD_STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                } catch (Exception e) {
                    child.destroyForcibly();
                }
            });
        }
    }
}
