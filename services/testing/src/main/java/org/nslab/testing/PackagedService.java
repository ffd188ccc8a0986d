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
 * One of the platform's services for the tests of another that calls it: its packaged application
 * ({@code <module>/target/quarkus-app}, built by the reactor first) as a separate process on a free port, on the test
 * PostgreSQL, Kafka and Keycloak (a free port unless one is given), ready ({@code /q/health/ready}) when {@link #start} returns.
 */
public final class PackagedService implements AutoCloseable {

    private static final Duration READY_WITHIN = Duration.ofMinutes(3);

    private final String name;
    private final Process process;
    private final int port;

    private PackagedService(String name, Process process, int port) {
        this.name = name;
        this.process = process;
        this.port = port;
    }

    /**
     * Starts {@code module}'s packaged application on a free port, with its log ({@code <name>.log}) under {@code work}.
     *
     * @param module      the Maven module's folder from the repository root, e.g. {@code services/renderer}
     * @param jvmOptions  JVM options before {@code -jar} (the HTTP host and port are added)
     */
    public static PackagedService start(String module, Path work, List<String> jvmOptions) {
        return start(Path.of(module).getFileName().toString(), module, work, freePort(), jvmOptions);
    }

    /**
     * Starts {@code module}'s packaged application as {@code name} on {@code port}, with its log ({@code <name>.log},
     * appended to) under {@code work}.
     */
    public static PackagedService start(String name, String module, Path work, int port, List<String> jvmOptions) {
        Path jar = TestServers.repositoryRoot().resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the " + name + " service first "
                    + "(./mvnw -B -pl " + module + " -am package -DskipTests)");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        Path log = work.resolve(name + ".log");
        try {
            Files.createDirectories(work);
            ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            Map<String, String> env = builder.environment();
            env.put("NSLAB_PG_HOST", TestServers.pgHost());
            env.put("NSLAB_PG_PORT", String.valueOf(TestServers.pgPort()));
            env.put("KAFKA_BOOTSTRAP_SERVERS", TestServers.kafkaBootstrapServers());
            env.put("NSLAB_KEYCLOAK_URL", TestServers.keycloakUrl());
            PackagedService service = new PackagedService(name, builder.start(), port);
            service.awaitReady(log);
            return service;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the " + name + " service", e);
        }
    }

    /** {@code http://127.0.0.1:<port>}, without a path. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    private void awaitReady(Path log) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url() + "/q/health/ready")).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the " + name + " service exited (" + process.exitValue() + "):\n" + tail(log));
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
        throw new IllegalStateException("the " + name + " service was not ready within " + READY_WITHIN.toMinutes() + " minutes:\n" + tail(log));
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    public static int freePort() {
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
