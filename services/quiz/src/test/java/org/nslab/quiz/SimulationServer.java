package org.nslab.quiz;

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
import java.util.List;
import java.util.Map;
import org.nslab.testing.TestServers;

/**
 * The real simulation service, started from its packaged jar ({@code services/simulation/target/quarkus-app})
 * on a free port against the test servers, for grading hands-on questions. Its reference model is the
 * small one of the simulation's own tests, so it trains in seconds.
 */
public class SimulationServer implements QuarkusTestResourceLifecycleManager {

    private Process process;

    @Override
    public Map<String, String> start() {
        Path root = TestServers.repositoryRoot();
        Path jar = root.resolve("services/simulation/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the quiz tests grade hands-on questions with the real simulation service; build it first: "
                    + "./mvnw -B -pl services/simulation -am package -DskipTests (missing " + jar + ")");
        }
        int port = freePort();
        Path dataDir = root.resolve("services/quiz/target/simulation-data");
        List<String> command = new ArrayList<>(List.of(javaBinary(), "--add-modules", "jdk.incubator.vector", "-Xmx512m",
                "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1",
                "-Dnslab.pg.host=" + TestServers.pgHost(), "-Dnslab.pg.port=" + TestServers.pgPort(),
                "-Dkafka.bootstrap.servers=" + TestServers.kafkaBootstrapServers(), "-Dnslab.keycloak.url=" + TestServers.keycloakUrl(),
                "-Dnslab.simulation.reference.layers=2", "-Dnslab.simulation.reference.heads=2", "-Dnslab.simulation.reference.width=32",
                "-Dnslab.simulation.reference.context-length=32", "-Dnslab.simulation.reference.steps=20",
                "-Dnslab.simulation.reference.batch=4", "-Dnslab.simulation.reference.data-dir=" + dataDir,
                "-jar", jar.toString()));
        try {
            Files.createDirectories(dataDir);
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(root.resolve("services/quiz/target/simulation.log").toFile()).start();
            waitUntilReady(port);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the simulation service", e);
        }
        return Map.of("nslab.simulation.url", "http://127.0.0.1:" + port);
    }

    private void waitUntilReady(int port) {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the simulation service exited; see services/quiz/target/simulation.log");
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
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
        throw new IllegalStateException("the simulation service was not ready within 180 s; see services/quiz/target/simulation.log");
    }

    @Override
    public void stop() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(Duration.ofSeconds(20).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
