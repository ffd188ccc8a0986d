package org.nslab.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real simulation service for the tests of the services that call it: its packaged application
 * ({@code services/simulation/target/quarkus-app}, built by the reactor first) as a separate process on a free
 * port, on the test PostgreSQL, Kafka and Keycloak, with the simulation's own small test reference model
 * (2 layers, width 32, 20 steps: ready in seconds).
 */
public final class PackagedSimulation implements AutoCloseable {

    private static final Duration READY_WITHIN = Duration.ofMinutes(3);

    private final Process process;
    private final int port;

    private PackagedSimulation(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts the service with its state and log ({@code simulation.log}) under {@code work} and waits until it is ready.
     *
     * @param extraOptions further JVM options, e.g. {@code -Dnslab.simulation.runs.workers=1}
     */
    public static PackagedSimulation start(Path work, List<String> extraOptions) {
        Path jar = TestServers.repositoryRoot().resolve("services/simulation/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the simulation service first "
                    + "(./mvnw -B -pl services/simulation -am package -DskipTests)");
        }
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-Xmx512m", "-XX:+UseSerialGC",
                "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port,
                "-Dnslab.simulation.reference.layers=2", "-Dnslab.simulation.reference.heads=2",
                "-Dnslab.simulation.reference.width=32", "-Dnslab.simulation.reference.context-length=32",
                "-Dnslab.simulation.reference.steps=20", "-Dnslab.simulation.reference.batch=4",
                "-Dnslab.simulation.reference.data-dir=" + work.resolve("reference-model"),
                "-Dnslab.simulation.data-dir=" + work.resolve("data")));
        command.addAll(extraOptions);
        command.addAll(List.of("-jar", jar.toString()));
        Path log = work.resolve("simulation.log");
        try {
            Files.createDirectories(work);
            ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.put("NSLAB_PG_HOST", TestServers.pgHost());
            env.put("NSLAB_PG_PORT", String.valueOf(TestServers.pgPort()));
            env.put("KAFKA_BOOTSTRAP_SERVERS", TestServers.kafkaBootstrapServers());
            env.put("NSLAB_KEYCLOAK_URL", TestServers.keycloakUrl());
            PackagedSimulation simulation = new PackagedSimulation(builder.start(), port);
            simulation.awaitReady(log);
            return simulation;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the simulation service", e);
        }
    }

    /** {@code http://127.0.0.1:<port>}, without a path. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    private void awaitReady(Path log) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url() + "/q/health/ready")).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
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
        close();
        throw new IllegalStateException("the simulation service was not ready within " + READY_WITHIN.toMinutes() + " minutes:\n" + tail(log));
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
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
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
