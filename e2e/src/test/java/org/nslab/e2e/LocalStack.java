package org.nslab.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.nslab.testing.TestServers;

/**
 * The whole platform started through {@code ./nslab}, exactly as a user starts it, with its own
 * state folder and ports (offset 20000) so that it runs beside a developer's stack and the test servers.
 */
final class LocalStack {

    static final int OFFSET = 20_000;

    private final Path root = TestServers.repositoryRoot();
    private final Path home;
    private final int offset;
    private final Map<String, String> extraEnvironment;

    LocalStack() {
        this("e2e", OFFSET, Map.of());
    }

    /** A stack with its own state folder under .nslab, port offset and extra settings. */
    LocalStack(String name, int offset, Map<String, String> extraEnvironment) {
        this.home = root.resolve(".nslab").resolve(name);
        this.offset = offset;
        this.extraEnvironment = extraEnvironment;
    }

    String gatewayUrl() {
        return "http://127.0.0.1:" + (8080 + offset);
    }

    String keycloakUrl() {
        return "http://127.0.0.1:" + (8180 + offset);
    }

    int port(String service) {
        return offset + switch (service) {
            case "gateway" -> 8080;
            case "content" -> 8081;
            case "progress" -> 8082;
            case "quiz" -> 8083;
            case "simulation" -> 8084;
            case "analytics" -> 8085;
            case "renderer" -> 8086;
            default -> throw new IllegalArgumentException(service);
        };
    }

    /** Starts from empty data, as on a fresh clone. */
    String upFresh() {
        deleteRecursively(home.resolve("data"));
        return nslab("up");
    }

    String nslab(String... args) {
        Result result = run(args);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("./nslab " + String.join(" ", args) + " failed:\n" + result.output());
        }
        return result.output();
    }

    record Result(int exitCode, String output) {
    }

    /** Runs ./nslab and returns its exit code and output, whatever they are. */
    Result run(String... args) {
        List<String> command = new ArrayList<>();
        command.add(root.resolve("nslab").toString());
        command.addAll(List.of(args));
        try {
            Path log = Files.createTempFile("nslab-e2e-", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            // Not the test servers' settings that ./nslab test exported for the Maven run: this stack has its own.
            env.keySet().removeIf(key -> key.startsWith("NSLAB_") || key.startsWith("KAFKA_"));
            env.put("NSLAB_HOME", home.toString());
            env.put("NSLAB_PORT_OFFSET", String.valueOf(offset));
            // The reference model trains in the background at a first start; a short run keeps the 2 cores for the tests.
            env.put("NSLAB_SIMULATION_REFERENCE_STEPS", "20");
            env.putAll(extraEnvironment);
            Process process = builder.start();
            boolean finished = process.waitFor(8, TimeUnit.MINUTES);
            String output = Files.readString(log, StandardCharsets.UTF_8);
            if (!finished) {
                process.destroyForcibly();
                throw new IllegalStateException("./nslab " + String.join(" ", args) + " did not finish:\n" + output);
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new IllegalStateException("cannot delete " + path, e);
        }
    }
}
