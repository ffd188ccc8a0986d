package org.nslab.gateway.lab;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.nslab.testing.TestServers;

/**
 * The real simulation service beside the gateway under test: its packaged application (built by the reactor before the
 * gateway, see the gateway's pom) as a separate process on a free port, on the same test PostgreSQL, Kafka and Keycloak,
 * with the simulation's own test settings for the reference model (2 layers, width 32, 20 steps: ready in seconds).
 * The gateway's typed client is pointed at it.
 */
public class SimulationServiceResource implements QuarkusTestResourceLifecycleManager {

    /** Where the tests (and the benchmark) find the service directly. */
    public static final String URL_PROPERTY = "nslab.test.simulation-url";

    private Process process;

    @Override
    public Map<String, String> start() {
        Path root = TestServers.repositoryRoot();
        Path jar = root.resolve("services/simulation/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the simulation service first (./mvnw -pl gateway -am verify does)");
        }
        int port = freePort();
        Path work = root.resolve("gateway/target/simulation-service");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-Xmx384m", "-XX:+UseSerialGC",
                "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port,
                "-Dnslab.simulation.reference.layers=2", "-Dnslab.simulation.reference.heads=2",
                "-Dnslab.simulation.reference.width=32", "-Dnslab.simulation.reference.context-length=32",
                "-Dnslab.simulation.reference.steps=20", "-Dnslab.simulation.reference.batch=4",
                "-Dnslab.simulation.reference.data-dir=" + work.resolve("reference-model"),
                "-Dnslab.simulation.data-dir=" + work.resolve("data"),
                "-Dnslab.simulation.data.warm-up=false",
                "-Dnslab.simulation.runs.workers=1",
                "-jar", jar.toString()));
        try {
            Files.createDirectories(work);
            ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                    .redirectOutput(work.resolve("simulation.log").toFile());
            Map<String, String> env = builder.environment();
            env.put("NSLAB_PG_HOST", TestServers.pgHost());
            env.put("NSLAB_PG_PORT", String.valueOf(TestServers.pgPort()));
            env.put("KAFKA_BOOTSTRAP_SERVERS", TestServers.kafkaBootstrapServers());
            env.put("NSLAB_KEYCLOAK_URL", TestServers.keycloakUrl());
            env.put("NSLAB_SIMULATION_DATA_DIR", work.resolve("data").toString());
            process = builder.start();
            awaitReady(port, work.resolve("simulation.log"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the simulation service", e);
        }
        String url = "http://127.0.0.1:" + port + "/graphql";
        System.setProperty(URL_PROPERTY, url);
        Map<String, String> config = new LinkedHashMap<>(TestServers.quarkusConfig());
        config.put("quarkus.smallrye-graphql-client.simulation.url", url);
        config.put("quarkus.smallrye-graphql-client.simulation-lab.url", url);
        config.put(URL_PROPERTY, url);
        return config;
    }

    private void awaitReady(int port, Path log) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the simulation service exited (" + process.exitValue() + "):\n" + tail(log));
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        stop();
        throw new IllegalStateException("the simulation service was not ready within 3 minutes:\n" + tail(log));
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
