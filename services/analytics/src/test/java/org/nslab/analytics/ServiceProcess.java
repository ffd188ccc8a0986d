package org.nslab.analytics;

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
import org.nslab.testing.TestServers;

/** A packaged service ({@code target/quarkus-app}) run as its own process against the test servers: started, killed, restarted. */
public final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final Path jar;
    private final Map<String, String> properties;
    private final int port;
    private final Path log;
    private Process process;

    public ServiceProcess(String service, Map<String, String> properties) {
        this.name = service;
        Path root = TestServers.repositoryRoot();
        this.jar = root.resolve("services/" + service + "/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("package the " + service + " service first: ./mvnw -B -pl services/" + service
                    + " -am package -DskipTests (missing " + jar + ")");
        }
        this.properties = properties;
        this.port = freePort();
        this.log = root.resolve("services/analytics/target/" + service + "-process.log");
    }

    public int port() {
        return port;
    }

    /** The running process (for its CPU time). */
    public ProcessHandle handle() {
        return process.toHandle();
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public ServiceProcess start() throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Dquarkus.http.port=" + port, "-Dnslab.pg.host=" + TestServers.pgHost(), "-Dnslab.pg.port=" + TestServers.pgPort(),
                "-Dkafka.bootstrap.servers=" + TestServers.kafkaBootstrapServers(), "-Dnslab.keycloak.url=" + TestServers.keycloakUrl()));
        // Extra JVM options for measurements (e.g. a flight recording): -Dnslab.service.jvm-args="-XX:StartFlightRecording=filename=/tmp/{service}.jfr"
        String extra = System.getProperty("nslab.service.jvm-args", "").replace("{service}", name).strip();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-jar", jar.toString()));
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        awaitReady();
        return this;
    }

    /** SIGKILL, as a crash: no shutdown hook, no offset commit, no transaction finished. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited; see " + log);
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url() + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(300);
        }
        throw new IllegalStateException(name + " was not ready within 120 s; see " + log);
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
