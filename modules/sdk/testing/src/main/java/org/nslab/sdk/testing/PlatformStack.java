package org.nslab.sdk.testing;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.nslab.testing.TestServers;
import org.nslab.testing.Tokens;

/**
 * The real platform beside a level module under test: the gateway and the upstream services the module needs
 * ({@code content}, {@code simulation}), each started from its packaged application ({@code target/quarkus-app},
 * built first by the module's build-order dependencies) as its own process against the test PostgreSQL, Kafka and
 * Keycloak. The module itself is the Quarkus application under test, on a free port told to the gateway (allowed
 * cross-origin, as the shell's page would be) and to the module's kit config ({@code nslab.module.*}: public URL,
 * gateway, realm, registration on with a 3 s heartbeat). Logs go to {@code target/stack/}.
 *
 * <pre>{@code
 * @QuarkusTest
 * @WithTestResource(value = PlatformStack.class, initArgs = @ResourceArg(name = "services", value = "simulation"))
 * }</pre>
 * Init args: {@code services} (comma-separated, among {@code content}, {@code simulation}; default none),
 * {@code reference-model} ({@code ready}: wait until the simulation's small reference model is trained).
 */
public class PlatformStack implements QuarkusTestResourceLifecycleManager {

    /** The simulation's reference model, small enough to train in seconds on 2 cores; a real model all the same. */
    static final Map<String, String> REFERENCE = Map.of(
            "NSLAB_SIMULATION_REFERENCE_LAYERS", "2", "NSLAB_SIMULATION_REFERENCE_HEADS", "2",
            "NSLAB_SIMULATION_REFERENCE_WIDTH", "32", "NSLAB_SIMULATION_REFERENCE_CONTEXT_LENGTH", "64",
            "NSLAB_SIMULATION_REFERENCE_STEPS", "30", "NSLAB_SIMULATION_REFERENCE_BATCH", "8");
    private static final Set<String> SERVICES = Set.of("content", "simulation");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final List<Process> processes = new ArrayList<>();
    private Set<String> services = Set.of();
    private boolean referenceModel;

    public static Path root() {
        return TestServers.repositoryRoot();
    }

    public static String gatewayUrl() {
        return System.getProperty("nslab.test.gateway-url");
    }

    public static String simulationUrl() {
        return System.getProperty("nslab.test.simulation-url");
    }

    public static String contentUrl() {
        return System.getProperty("nslab.test.content-url");
    }

    /** Where the module under test is reached (its {@code nslab.module.public-url}). */
    public static String moduleUrl() {
        return System.getProperty("nslab.test.module-url");
    }

    /** A token of the gateway's service account, as the gateway calls the services behind it. */
    public static String serviceToken() {
        return Tokens.forClient("nslab-gateway", "dev-only-gateway-secret");
    }

    /** A guest's {@code Authorization} header value, from the gateway. */
    public static String guest() {
        JsonNode answer = GraphQl.tree(gatewayUrl() + "/graphql", null, "mutation { startGuestSession { token } }", Map.of());
        return "Guest " + answer.path("data").path("startGuestSession").path("token").asText();
    }

    /**
     * The module as the shell's catalogue lists it ({@code moduleCatalogue(level)}: id, version, entryUrl, integrity),
     * waiting up to 90 s for its registration to be accepted.
     */
    public static JsonNode awaitInCatalogue(int level, String moduleId) {
        String guest = guest();
        String query = "query($level: Int) { moduleCatalogue(level: $level) { level modules { id version entryUrl integrity } } }";
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            JsonNode answer = GraphQl.tree(gatewayUrl() + "/graphql", guest, query, Map.of("level", level));
            last = answer.toString();
            for (JsonNode l : answer.path("data").path("moduleCatalogue")) {
                for (JsonNode m : l.path("modules")) {
                    if (m.path("id").asText().equals(moduleId)) {
                        return m;
                    }
                }
            }
            sleep(1000);
        }
        throw new AssertionError(moduleId + " is not in the level " + level + " catalogue after 90 s: " + last);
    }

    @Override
    public void init(Map<String, String> initArgs) {
        services = Arrays.stream(initArgs.getOrDefault("services", "").split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
        if (!SERVICES.containsAll(services)) {
            throw new IllegalArgumentException("services are among " + SERVICES + ": " + services);
        }
        referenceModel = "ready".equals(initArgs.get("reference-model"));
    }

    @Override
    public Map<String, String> start() {
        int modulePort = freePort();
        String moduleUrl = url(modulePort);
        String gatewayUrl = url(freePort());
        Optional<String> contentUrl = services.contains("content") ? Optional.of(url(freePort())) : Optional.empty();
        Optional<String> simulationUrl = services.contains("simulation") ? Optional.of(url(freePort())) : Optional.empty();
        Path logs = Path.of("target", "stack").toAbsolutePath();
        try {
            Files.createDirectories(logs);
            Map<String, String> common = new LinkedHashMap<>();
            common.put("QUARKUS_HTTP_HOST", "127.0.0.1");
            common.put("NSLAB_PG_HOST", TestServers.pgHost());
            common.put("NSLAB_PG_PORT", String.valueOf(TestServers.pgPort()));
            common.put("KAFKA_BOOTSTRAP_SERVERS", TestServers.kafkaBootstrapServers());
            common.put("NSLAB_KEYCLOAK_URL", TestServers.keycloakUrl());
            // every request with its server time in ms (%D) in target/stack/*.log, to set beside a page's own timing
            common.put("QUARKUS_HTTP_ACCESS_LOG_ENABLED", "true");
            common.put("QUARKUS_HTTP_ACCESS_LOG_PATTERN", "%m %U %s %b %D");
            common.put("QUARKUS_HTTP_RECORD_REQUEST_START_TIME", "true");

            if (contentUrl.isPresent()) {
                launch("content", "services/content", contentUrl.get(), common, Map.of(), logs);
            }
            if (simulationUrl.isPresent()) {
                Map<String, String> simulation = new LinkedHashMap<>(REFERENCE);
                // level modules do not use the data pipeline: measuring the corpus at start would only load the cores
                simulation.put("NSLAB_SIMULATION_DATA_WARM_UP", "false");
                simulation.put("NSLAB_SIMULATION_DATA_DIR", logs.resolve("simulation-data").toString());
                launch("simulation", "services/simulation", simulationUrl.get(), common, simulation, logs,
                        "--add-modules", "jdk.incubator.vector");
            }
            Map<String, String> gateway = new LinkedHashMap<>();
            gateway.put("NSLAB_GATEWAY_PUBLIC_URL", gatewayUrl);
            gateway.put("NSLAB_CONTENT_URL", contentUrl.orElse("http://127.0.0.1:1"));
            gateway.put("NSLAB_SIMULATION_URL", simulationUrl.orElse("http://127.0.0.1:1"));
            gateway.put("NSLAB_ANALYTICS_URL", "http://127.0.0.1:1");
            // a test page served by the module calls the gateway from the module's origin, as the shell's page would
            gateway.put("QUARKUS_HTTP_CORS_ENABLED", "true");
            gateway.put("QUARKUS_HTTP_CORS_ORIGINS", moduleUrl);
            gateway.put("NSLAB_REGISTRY_HEALTH_INTERVAL", "2s");
            launch("gateway", "gateway", gatewayUrl, common, gateway, logs);

            if (contentUrl.isPresent()) {
                awaitReady("content", contentUrl.get(), logs);
            }
            if (simulationUrl.isPresent()) {
                awaitReady("simulation", simulationUrl.get(), logs);
            }
            awaitReady("gateway", gatewayUrl, logs);
            if (referenceModel) {
                awaitReferenceModel(simulationUrl.orElseThrow(() -> new IllegalArgumentException("reference-model needs the simulation")));
            }
        } catch (IOException | RuntimeException e) {
            stop();
            throw new IllegalStateException("the platform for the module's tests did not start: " + e.getMessage(), e);
        }
        System.setProperty("nslab.test.gateway-url", gatewayUrl);
        System.setProperty("nslab.test.module-url", moduleUrl);
        contentUrl.ifPresent(u -> System.setProperty("nslab.test.content-url", u));
        simulationUrl.ifPresent(u -> System.setProperty("nslab.test.simulation-url", u));

        Map<String, String> config = new LinkedHashMap<>(TestServers.quarkusConfig());
        config.put("quarkus.http.test-port", String.valueOf(modulePort));
        config.put("nslab.module.public-url", moduleUrl);
        config.put("nslab.module.gateway-url", gatewayUrl);
        config.put("nslab.module.keycloak-realm-url", TestServers.issuer());
        config.put("nslab.module.register", "true");
        config.put("nslab.module.heartbeat", "3s");
        config.put("nslab.module.backoff-min", "500ms");
        // the shell's page (the gateway's origin) imports the entry: modules allow the origins in nslab.shell.origins
        config.put("nslab.shell.origins", gatewayUrl + ",http://127.0.0.1:8080,http://localhost:8080");
        return config;
    }

    @Override
    public void stop() {
        processes.forEach(Process::destroy);
        for (Process p : processes) {
            try {
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
        processes.clear();
    }

    private void launch(String name, String module, String url, Map<String, String> common, Map<String, String> extra,
                        Path logs, String... jvmOptions) throws IOException {
        Path dir = root().resolve(module);
        Path jar = dir.resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first (./mvnw -B -pl <this module> -am verify builds it)");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms32m", "-Xmx384m", "-XX:+UseSerialGC"));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(logs.resolve(name + ".log").toFile());
        builder.environment().putAll(common);
        builder.environment().putAll(extra);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(URI.create(url).getPort()));
        processes.add(builder.start());
    }

    private void awaitReady(String name, String baseUrl, Path logs) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        while (Instant.now().isBefore(deadline)) {
            if (processes.stream().anyMatch(p -> !p.isAlive())) {
                throw new IllegalStateException(name + " or another service exited; see " + logs);
            }
            try {
                HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready"))
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
            sleep(500);
        }
        throw new IllegalStateException(name + " was not ready within 4 minutes; see " + logs.resolve(name + ".log"));
    }

    private static void awaitReferenceModel(String simulationUrl) {
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

    private static String url(int port) {
        return "http://127.0.0.1:" + port;
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
