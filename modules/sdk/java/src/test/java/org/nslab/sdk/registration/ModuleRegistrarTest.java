package org.nslab.sdk.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nslab.sdk.manifest.Manifests;
import org.nslab.sdk.manifest.ModuleManifest;

/**
 * The registrar's timing behaviour (back-off while nothing answers, registering again after a restart) against a
 * loopback HTTP server that speaks the token and GraphQL protocol. The same client against the real gateway and
 * Keycloak is tested in the gateway's module ({@code ModuleRegistrarAgainstGatewayTests}).
 */
class ModuleRegistrarTest {

    private static final ModuleManifest MANIFEST = Manifests.parse("""
            {"id": "tiny", "name": "Tiny", "version": "0.0.1", "level": 1, "order": 0, "platform": "*",
             "entry": {"url": "http://127.0.0.1:1/tiny.js", "integrity": "sha384-H8BRh8j48O9oYatfu5AZzq6A9RINhZO5H16dQZngK7T62em8MUt1FLm52t+eX6xO"},
             "author": {"name": "T"}}""");

    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final AtomicInteger tokens = new AtomicInteger();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) server.stop(0);
    }

    private void startServer(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/realms/nslab/protocol/openid-connect/token", ex -> {
            String form = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean ok = form.contains("client_id=module-tiny") && form.contains("client_secret=s3cret")
                    && form.contains("grant_type=client_credentials");
            tokens.incrementAndGet();
            byte[] out = (ok ? "{\"access_token\":\"tok-" + tokens.get() + "\",\"expires_in\":300}" : "{\"error\":\"unauthorized_client\"}")
                    .getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(ok ? 200 : 401, out.length);
            ex.getResponseBody().write(out);
            ex.close();
        });
        server.createContext("/graphql", ex -> {
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            bodies.add(auth + " " + new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] out = """
                    {"data":{"registerModule":{"outcome":"REGISTERED","module":{"id":"tiny","version":"0.0.1","status":"ACTIVE"},
                     "diagnostics":[{"check":"shaders","severity":"WARNING","pointer":"/shaders","message":"none"}],"userErrors":[]}}}"""
                    .getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, out.length);
            ex.getResponseBody().write(out);
            ex.close();
        });
        server.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private ModuleRegistrar registrar(int port, List<Long> retries) {
        URI base = URI.create("http://127.0.0.1:" + port);
        return ModuleRegistrar.builder()
                .gateway(base.resolve("/graphql"))
                .keycloakRealm(base.resolve("/realms/nslab"))
                .clientCredentials("module-tiny", "s3cret")
                .manifest(MANIFEST)
                .heartbeat(Duration.ofMillis(300))
                .backoff(Duration.ofMillis(50), Duration.ofMillis(400))
                .listener(new RegistrationListener() {
                    @Override
                    public void failed(Exception cause, long retryInMillis) {
                        retries.add(retryInMillis);
                    }
                })
                .build();
    }

    @Test
    void retriesWithGrowingBackOffUntilTheGatewayIsUpThenRegistersWithTheModuleToken() throws Exception {
        int port = freePort();
        List<Long> retries = new CopyOnWriteArrayList<>();
        try (ModuleRegistrar registrar = registrar(port, retries)) {
            registrar.start();
            awaitTrue(() -> retries.size() >= 4, 5);
            assertTrue(bodies.isEmpty());
            assertTrue(retries.get(3) > retries.get(0) * 2, "back-off grows: " + retries);
            assertTrue(retries.stream().allMatch(r -> r <= 400 * 6 / 5), "capped: " + retries);

            startServer(port);
            awaitTrue(() -> registrar.lastResult().isPresent(), 5);
            RegistrationResult result = registrar.lastResult().orElseThrow();
            assertTrue(result.accepted());
            assertEquals("ACTIVE", result.status());
            assertEquals("shaders", result.diagnostics().get(0).check());
            assertTrue(bodies.get(0).startsWith("Bearer tok-1 "), bodies.get(0));
            assertTrue(bodies.get(0).contains("registerModule") && bodies.get(0).contains("\\\"id\\\" : \\\"tiny\\\""), bodies.get(0));
        }
    }

    @Test
    void registersAgainByItselfAfterTheGatewayRestarts() throws Exception {
        int port = freePort();
        startServer(port);
        List<Long> retries = new CopyOnWriteArrayList<>();
        try (ModuleRegistrar registrar = registrar(port, retries)) {
            registrar.start();
            awaitTrue(() -> !bodies.isEmpty(), 5);

            server.stop(0); // the gateway goes down ...
            awaitTrue(() -> !retries.isEmpty(), 5);
            bodies.clear();
            startServer(port); // ... and comes back with an empty registry
            awaitTrue(() -> !bodies.isEmpty(), 5);
            assertTrue(bodies.get(0).contains("registerModule"));
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("condition not met within " + seconds + " s");
            Thread.sleep(20);
        }
    }
}
