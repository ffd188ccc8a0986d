package org.nslab.journey.browser;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nslab.testing.TestServers;

/**
 * The real platform around the module under test: the gateway, the content service and the simulation service, each
 * started from its built jar ({@code target/quarkus-app}) as its own process against the test PostgreSQL, Kafka and
 * Keycloak. Ports follow the test servers' offset (Keycloak's port − 8180): gateway 8080, content 8081, simulation
 * 8084 and this module 8091, plus the offset. The gateway allows cross-origin calls from the module's origin, where
 * the test host page is served.
 */
public class PlatformStack implements QuarkusTestResourceLifecycleManager {

    static final String GATEWAY_URL = "nslab.test.stack.gateway-url";
    static final String SIMULATION_URL = "nslab.test.stack.simulation-url";
    static final String JOURNEY_URL = "nslab.test.stack.journey-url";

    private final List<Process> processes = new ArrayList<>();

    @Override
    public Map<String, String> start() {
        int offset = URI.create(TestServers.keycloakUrl()).getPort() - 8180;
        int gatewayPort = 8080 + offset;
        int contentPort = 8081 + offset;
        int simulationPort = 8084 + offset;
        int journeyPort = 8091 + offset;
        String gateway = "http://127.0.0.1:" + gatewayPort;
        String simulation = "http://127.0.0.1:" + simulationPort;
        String journey = "http://127.0.0.1:" + journeyPort;
        Path root = TestServers.repositoryRoot();
        Path logs = Path.of("target", "stack").toAbsolutePath();
        try {
            Files.createDirectories(logs);
            Map<String, String> common = new LinkedHashMap<>();
            common.put("QUARKUS_HTTP_HOST", "127.0.0.1");
            common.put("NSLAB_PG_HOST", TestServers.pgHost());
            common.put("NSLAB_PG_PORT", String.valueOf(TestServers.pgPort()));
            common.put("KAFKA_BOOTSTRAP_SERVERS", TestServers.kafkaBootstrapServers());
            common.put("NSLAB_KEYCLOAK_URL", TestServers.keycloakUrl());
            common.put("NSLAB_CONTENT_URL", "http://127.0.0.1:" + contentPort);
            common.put("NSLAB_SIMULATION_URL", simulation);
            common.put("NSLAB_ANALYTICS_URL", "http://127.0.0.1:1");
            common.put("NSLAB_SIMULATION_DATA_DIR", logs.resolve("simulation-data").toString());

            launch(root.resolve("services/content"), "content", contentPort, common, Map.of(), logs, List.of());
            launch(root.resolve("services/simulation"), "simulation", simulationPort, common, Map.of(), logs,
                    List.of("--add-modules", "jdk.incubator.vector"));
            launch(root.resolve("gateway"), "gateway", gatewayPort, common, Map.of(
                    "QUARKUS_HTTP_CORS_ENABLED", "true",
                    "QUARKUS_HTTP_CORS_ORIGINS", journey,
                    "NSLAB_REGISTRY_HEALTH_INTERVAL", "2s"), logs, List.of());
            awaitReady("content", "http://127.0.0.1:" + contentPort, logs);
            awaitReady("simulation", simulation, logs);
            awaitReady("gateway", gateway, logs);
        } catch (IOException | RuntimeException e) {
            stop();
            throw new IllegalStateException("cannot start the platform for the browser tests: " + e.getMessage(), e);
        }
        System.setProperty(GATEWAY_URL, gateway);
        System.setProperty(SIMULATION_URL, simulation);
        System.setProperty(JOURNEY_URL, journey);
        Map<String, String> config = new LinkedHashMap<>(TestServers.quarkusConfig());
        config.put("quarkus.http.test-port", String.valueOf(journeyPort));
        config.put("nslab.journey.public-url", journey);
        config.put("nslab.journey.gateway-url", gateway);
        config.put("nslab.journey.heartbeat", "3s");
        config.put("quarkus.http.cors.origins", gateway);
        return config;
    }

    private void launch(Path module, String name, int port, Map<String, String> common, Map<String, String> extra,
                        Path logs, List<String> jvmOptions) throws IOException {
        Path jar = module.resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build with ./mvnw -pl modules/journey-map -am verify");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms32m", "-Xmx384m", "-XX:+UseSerialGC"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(module.toFile()).redirectErrorStream(true)
                .redirectOutput(logs.resolve(name + ".log").toFile());
        builder.environment().putAll(common);
        builder.environment().putAll(extra);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        processes.add(builder.start());
    }

    private void awaitReady(String name, String baseUrl, Path logs) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        while (Instant.now().isBefore(deadline)) {
            if (processes.stream().anyMatch(p -> !p.isAlive())) {
                throw new IllegalStateException(name + " or another service exited; see " + logs);
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        throw new IllegalStateException(name + " was not ready within 4 minutes; see " + logs.resolve(name + ".log"));
    }

    @Override
    public void stop() {
        processes.forEach(Process::destroy);
        for (Process p : processes) {
            try {
                if (!p.waitFor(Duration.ofSeconds(20).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
        processes.clear();
    }
}
