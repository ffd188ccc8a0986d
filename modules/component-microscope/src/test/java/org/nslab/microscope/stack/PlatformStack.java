package org.nslab.microscope.stack;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nslab.testing.TestServers;
import org.nslab.testing.Tokens;

/**
 * The real platform beside the module under test: the simulation service and the gateway, started from
 * their packaged applications (built before this module: see the pom's build-order dependencies) against
 * the test PostgreSQL, Kafka and Keycloak. The simulation trains a small reference model at its first start
 * (kept in target/ for later runs). The module itself is the Quarkus application under test, on a port
 * chosen here so that the gateway can be told where it lives.
 */
public class PlatformStack implements QuarkusTestResourceLifecycleManager {

    /** Small enough to train in seconds on 2 cores; a real model trained by the engine all the same. */
    static final Map<String, String> REFERENCE = Map.of(
            "NSLAB_SIMULATION_REFERENCE_LAYERS", "2", "NSLAB_SIMULATION_REFERENCE_HEADS", "2",
            "NSLAB_SIMULATION_REFERENCE_WIDTH", "32", "NSLAB_SIMULATION_REFERENCE_CONTEXT_LENGTH", "64",
            "NSLAB_SIMULATION_REFERENCE_STEPS", "30", "NSLAB_SIMULATION_REFERENCE_BATCH", "8");

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final List<Process> processes = new ArrayList<>();

    public static Path root() {
        return Path.of(System.getProperty("nslab.repository.root", "../..")).toAbsolutePath().normalize();
    }

    public static String simulationUrl() {
        return System.getProperty("nslab.test.simulation-url");
    }

    public static String gatewayUrl() {
        return System.getProperty("nslab.test.gateway-url");
    }

    public static String moduleUrl() {
        return System.getProperty("nslab.test.module-url");
    }

    /** A token of the gateway's service account, as the gateway calls the simulation service. */
    public static String serviceToken() {
        return Tokens.forClient("nslab-gateway", "dev-only-gateway-secret");
    }

    @Override
    public Map<String, String> start() {
        int modulePort = freePort();
        int simulationPort = freePort();
        int gatewayPort = freePort();
        String moduleUrl = "http://127.0.0.1:" + modulePort;
        String simulationUrl = "http://127.0.0.1:" + simulationPort;
        String gatewayUrl = "http://127.0.0.1:" + gatewayPort;
        Path logs = root().resolve("modules/component-microscope/target/stack");
        try {
            Files.createDirectories(logs);
            Map<String, String> common = new HashMap<>();
            common.put("NSLAB_PG_HOST", TestServers.pgHost());
            common.put("NSLAB_PG_PORT", String.valueOf(TestServers.pgPort()));
            common.put("KAFKA_BOOTSTRAP_SERVERS", TestServers.kafkaBootstrapServers());
            common.put("NSLAB_KEYCLOAK_URL", TestServers.keycloakUrl());
            common.put("QUARKUS_HTTP_HOST", "127.0.0.1");
            // every request with its server time in ms (%D) in target/stack/*.log, to set beside the page's own timing
            common.put("QUARKUS_HTTP_ACCESS_LOG_ENABLED", "true");
            common.put("QUARKUS_HTTP_ACCESS_LOG_PATTERN", "%m %U %s %b %D");
            common.put("QUARKUS_HTTP_RECORD_REQUEST_START_TIME", "true");

            Map<String, String> simulation = new HashMap<>(common);
            simulation.putAll(REFERENCE);
            // the module does not use the data pipeline: measuring the corpus at start would only load the 2 cores
            simulation.put("NSLAB_SIMULATION_DATA_WARM_UP", "false");
            simulation.put("QUARKUS_HTTP_PORT", String.valueOf(simulationPort));
            simulation.put("NSLAB_SIMULATION_DATA_DIR", logs.resolve("simulation-data").toString());
            launch("simulation", root().resolve("services/simulation/target/quarkus-app/quarkus-run.jar"), simulation, logs,
                    "--add-modules", "jdk.incubator.vector");

            Map<String, String> gateway = new HashMap<>(common);
            gateway.put("QUARKUS_HTTP_PORT", String.valueOf(gatewayPort));
            gateway.put("NSLAB_SIMULATION_URL", simulationUrl);
            gateway.put("NSLAB_GATEWAY_PUBLIC_URL", gatewayUrl);
            // the test page (served by the module) calls the gateway from the module's origin, as the shell's page would
            gateway.put("QUARKUS_HTTP_CORS_ENABLED", "true");
            gateway.put("QUARKUS_HTTP_CORS_ORIGINS", moduleUrl);
            gateway.put("NSLAB_REGISTRY_HEALTH_INTERVAL", "2s");
            launch("gateway", root().resolve("gateway/target/quarkus-app/quarkus-run.jar"), gateway, logs);

            waitReady("simulation", simulationUrl, logs);
            waitReady("gateway", gatewayUrl, logs);
            waitForReferenceModel(simulationUrl);
        } catch (IOException e) {
            stop();
            throw new IllegalStateException("the platform stack did not start: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
        System.setProperty("nslab.test.simulation-url", simulationUrl);
        System.setProperty("nslab.test.gateway-url", gatewayUrl);
        System.setProperty("nslab.test.module-url", moduleUrl);
        Map<String, String> config = new HashMap<>(TestServers.quarkusConfig());
        config.put("quarkus.http.test-port", String.valueOf(modulePort));
        config.put("nslab.microscope.public-url", moduleUrl);
        config.put("nslab.microscope.gateway-url", gatewayUrl + "/graphql");
        config.put("nslab.microscope.keycloak-realm", TestServers.issuer());
        config.put("nslab.microscope.register", "true");
        config.put("nslab.microscope.heartbeat", "5s");
        return config;
    }

    @Override
    public void stop() {
        for (Process p : processes) {
            p.destroy();
        }
        for (Process p : processes) {
            try {
                if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
        processes.clear();
    }

    private void launch(String name, Path jar, Map<String, String> env, Path logs, String... jvm) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first (./mvnw -B -pl modules/component-microscope -am verify builds it)");
        }
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx384m", "-XX:+UseSerialGC"));
        command.addAll(List.of(jvm));
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logs.resolve(name + ".log").toFile());
        builder.environment().putAll(env);
        processes.add(builder.start());
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void waitReady(String name, String url, Path logs) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(500);
        }
        throw new IllegalStateException(name + " was not ready within 4 minutes; see " + logs.resolve(name + ".log"));
    }

    private static void waitForReferenceModel(String simulationUrl) {
        String token = serviceToken();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(6));
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            last = GraphQl.post(simulationUrl + "/graphql", "Bearer " + token, "{ referenceModel { state step steps } }", Map.of());
            if (last.contains("\"READY\"")) {
                return;
            }
            if (last.contains("\"FAILED\"")) {
                break;
            }
            sleep(1000);
        }
        throw new IllegalStateException("the reference model is not ready: " + last);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
