package org.nslab.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real PostgreSQL, Kafka and Keycloak servers that tests run against.
 *
 * <p>{@code ./nslab test} starts them once for the whole Maven run and exports their addresses
 * ({@code NSLAB_PG_PORT}, {@code KAFKA_BOOTSTRAP_SERVERS}, {@code NSLAB_KEYCLOAK_URL}). When a test runs
 * without them (one module from an IDE, say), the first test to ask starts them with
 * {@code ./nslab test-infra up}, the same way, and stops them when the JVM exits.
 *
 * <p>Quarkus loads test resources in a class loader per test class, so static state would not be
 * shared: what was started is kept in system properties, as strings only.
 */
public final class TestServers {

    private static final String[] KEYS = {"NSLAB_PG_HOST", "NSLAB_PG_PORT", "KAFKA_BOOTSTRAP_SERVERS", "NSLAB_KEYCLOAK_URL"};
    private static final String STARTED = "nslab.test-servers.started";

    private TestServers() {
    }

    public static String pgHost() {
        return get("NSLAB_PG_HOST");
    }

    public static int pgPort() {
        return Integer.parseInt(get("NSLAB_PG_PORT"));
    }

    public static String kafkaBootstrapServers() {
        return get("KAFKA_BOOTSTRAP_SERVERS");
    }

    /** Base URL of Keycloak, without the realm. */
    public static String keycloakUrl() {
        return get("NSLAB_KEYCLOAK_URL");
    }

    public static String issuer() {
        return keycloakUrl() + "/realms/nslab";
    }

    /** The configuration a Quarkus service needs to reach the servers. */
    public static Map<String, String> quarkusConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("nslab.pg.host", pgHost());
        config.put("nslab.pg.port", String.valueOf(pgPort()));
        config.put("kafka.bootstrap.servers", kafkaBootstrapServers());
        config.put("nslab.keycloak.url", keycloakUrl());
        return config;
    }

    private static String get(String key) {
        String fromEnv = System.getenv(key);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        ensureStarted();
        return System.getProperty("nslab.test." + key);
    }

    private static void ensureStarted() {
        synchronized (STARTED.intern()) {
            if (System.getProperty(STARTED) != null) {
                return;
            }
            Path root = repositoryRoot();
            run(root, "up");
            Map<String, String> env = parseEnv(run(root, "env"));
            for (String key : KEYS) {
                String value = env.get(key);
                if (value == null) {
                    throw new IllegalStateException("./nslab test-infra env did not print " + key);
                }
                System.setProperty("nslab.test." + key, value);
            }
            System.setProperty(STARTED, "true");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> run(root, "down")));
        }
    }

    private static Map<String, String> parseEnv(String output) {
        Map<String, String> env = new LinkedHashMap<>();
        output.lines()
                .filter(line -> line.startsWith("export "))
                .map(line -> line.substring("export ".length()).split("=", 2))
                .forEach(kv -> env.put(kv[0], kv[1]));
        return env;
    }

    private static String run(Path root, String action) {
        try {
            Path log = Files.createTempFile("nslab-test-infra-" + action, ".log");
            Process process = new ProcessBuilder(root.resolve("nslab").toString(), "test-infra", action)
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("./nslab test-infra " + action + " failed:\n" + Files.readString(log));
            }
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run ./nslab test-infra " + action, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running ./nslab test-infra " + action, e);
        }
    }

    /** The folder holding {@code nslab}, searched upwards from the working directory. */
    public static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("nslab"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the repository root (no ./nslab above " + Path.of("").toAbsolutePath() + ")");
        }
        return dir;
    }
}
