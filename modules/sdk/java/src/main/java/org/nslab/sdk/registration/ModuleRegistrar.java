package org.nslab.sdk.registration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.nslab.sdk.manifest.Diagnostic;
import org.nslab.sdk.manifest.Manifests;
import org.nslab.sdk.manifest.ModuleManifest;

/**
 * Keeps a module registered with the gateway. {@link #start()} runs a daemon thread that registers as soon as
 * the gateway answers (retrying with exponential back-off and jitter while it or Keycloak is down), then sends
 * the registration again every {@code heartbeat}: a restarted gateway, or one that lost its database, has the
 * module back within one heartbeat, and an unchanged manifest is answered {@code UNCHANGED} without any event.
 * It authenticates with the module's Keycloak client (client-credentials grant; the realm gives module clients
 * the {@code module-author} role).
 *
 * <pre>{@code
 * ModuleRegistrar registrar = ModuleRegistrar.builder()
 *         .gateway(URI.create("http://127.0.0.1:8080/graphql"))
 *         .keycloakRealm(URI.create("http://127.0.0.1:8180/realms/nslab"))
 *         .clientCredentials("module-journey-map", secret)
 *         .manifest(() -> manifest)
 *         .build();
 * registrar.start();   // and registrar.close() on shutdown
 * }</pre>
 */
public final class ModuleRegistrar implements AutoCloseable {

    /** The mutation the registrar sends; the payload's shape is the registry's public contract. */
    public static final String REGISTER_MODULE = """
            mutation RegisterModule($input: RegisterModuleInput!) {
              registerModule(input: $input) {
                outcome
                module { id version status }
                diagnostics { check severity pointer message }
                userErrors { field message code }
              }
            }""";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI gateway;
    private final URI tokenEndpoint;
    private final String clientId;
    private final String clientSecret;
    private final Supplier<ModuleManifest> manifest;
    private final Duration heartbeat;
    private final Duration minBackoff;
    private final Duration maxBackoff;
    private final RegistrationListener listener;
    private final HttpClient http;
    private final Clock clock;
    private final AtomicReference<RegistrationResult> last = new AtomicReference<>();
    private volatile Thread thread;
    private volatile boolean running;
    private String token;
    private Instant tokenExpiresAt = Instant.MIN;

    private ModuleRegistrar(Builder b) {
        this.gateway = Objects.requireNonNull(b.gateway, "gateway");
        this.tokenEndpoint = URI.create(Objects.requireNonNull(b.realm, "keycloakRealm").toString().replaceAll("/$", "")
                + "/protocol/openid-connect/token");
        this.clientId = Objects.requireNonNull(b.clientId, "clientId");
        this.clientSecret = Objects.requireNonNull(b.clientSecret, "clientSecret");
        this.manifest = Objects.requireNonNull(b.manifest, "manifest");
        this.heartbeat = b.heartbeat;
        this.minBackoff = b.minBackoff;
        this.maxBackoff = b.maxBackoff;
        this.listener = b.listener;
        this.clock = b.clock;
        this.http = HttpClient.newBuilder().connectTimeout(b.requestTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts registering in the background; calling it twice does nothing. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "module-registrar-" + clientId);
        thread.setDaemon(true);
        thread.start();
    }

    /** The gateway's last answer, if any. */
    public Optional<RegistrationResult> lastResult() {
        return Optional.ofNullable(last.get());
    }

    /** Registers once, now, on the caller's thread. */
    public RegistrationResult registerOnce() throws GatewayException {
        ObjectNode body = JSON.createObjectNode();
        body.put("query", REGISTER_MODULE);
        body.putObject("variables").putObject("input").put("manifest", Manifests.toJson(manifest.get()));
        HttpResponse<String> response = send(HttpRequest.newBuilder(gateway)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + accessToken())
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())), "the gateway at " + gateway);
        if (response.statusCode() == 401) {
            tokenExpiresAt = Instant.MIN; // Keycloak may have restarted with new keys: fetch a new token next time
        }
        JsonNode answer = readJson(response, "the gateway");
        JsonNode payload = answer.path("data").path("registerModule");
        if (!payload.isObject()) {
            throw new GatewayException("the gateway refused the registration (HTTP " + response.statusCode() + "): "
                    + answer.path("errors").toString());
        }
        List<Diagnostic> diagnostics = new ArrayList<>();
        payload.path("diagnostics").forEach(d -> diagnostics.add(new Diagnostic(d.path("check").asText(),
                Diagnostic.Severity.valueOf(d.path("severity").asText("ERROR")), d.path("pointer").asText(), d.path("message").asText())));
        List<String> userErrors = new ArrayList<>();
        payload.path("userErrors").forEach(e -> userErrors.add(e.path("field").toString() + ": " + e.path("message").asText()));
        JsonNode module = payload.path("module");
        RegistrationResult result = new RegistrationResult(payload.path("outcome").asText(),
                module.isObject() ? module.path("status").asText() : null, diagnostics, userErrors);
        last.set(result);
        return result;
    }

    @Override
    public void close() {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void loop() {
        int failures = 0;
        while (running) {
            long sleep;
            try {
                RegistrationResult result = registerOnce();
                failures = 0;
                listener.registered(result);
                sleep = heartbeat.toMillis();
            } catch (GatewayException | RuntimeException e) {
                sleep = backoff(failures++);
                listener.failed(e, sleep);
            }
            try {
                Thread.sleep(sleep);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Exponential back-off from the minimum to the maximum, with up to 20 % jitter so restarted fleets spread out. */
    long backoff(int failures) {
        double exp = minBackoff.toMillis() * Math.pow(2, Math.min(failures, 20));
        long capped = (long) Math.min(exp, maxBackoff.toMillis());
        return capped + ThreadLocalRandom.current().nextLong(Math.max(1, capped / 5));
    }

    private synchronized String accessToken() throws GatewayException {
        if (token != null && clock.instant().isBefore(tokenExpiresAt)) {
            return token;
        }
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
        HttpResponse<String> response = send(HttpRequest.newBuilder(tokenEndpoint)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)), "Keycloak at " + tokenEndpoint);
        JsonNode json = readJson(response, "Keycloak");
        if (response.statusCode() != 200 || !json.hasNonNull("access_token")) {
            throw new GatewayException("Keycloak refused client '" + clientId + "' (HTTP " + response.statusCode() + "): "
                    + json.path("error_description").asText(json.path("error").asText()));
        }
        token = json.get("access_token").asText();
        long lifetime = json.path("expires_in").asLong(60);
        tokenExpiresAt = clock.instant().plusSeconds(Math.max(5, lifetime - 30));
        return token;
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String what) throws GatewayException {
        try {
            return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new GatewayException("cannot reach " + what + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayException("interrupted while calling " + what, e);
        }
    }

    private static JsonNode readJson(HttpResponse<String> response, String who) throws GatewayException {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new GatewayException(who + " answered HTTP " + response.statusCode() + " without JSON");
        }
    }

    public static final class Builder {
        private URI gateway;
        private URI realm;
        private String clientId;
        private String clientSecret;
        private Supplier<ModuleManifest> manifest;
        private Duration heartbeat = Duration.ofSeconds(30);
        private Duration minBackoff = Duration.ofMillis(500);
        private Duration maxBackoff = Duration.ofSeconds(30);
        private Duration requestTimeout = Duration.ofSeconds(5);
        private RegistrationListener listener = new RegistrationListener() { };
        private Clock clock = Clock.systemUTC();

        /** The gateway's GraphQL endpoint, e.g. {@code http://127.0.0.1:8080/graphql}. */
        public Builder gateway(URI graphqlEndpoint) {
            this.gateway = graphqlEndpoint;
            return this;
        }

        /** The Keycloak realm URL (the token issuer), e.g. {@code http://127.0.0.1:8180/realms/nslab}. */
        public Builder keycloakRealm(URI realmUrl) {
            this.realm = realmUrl;
            return this;
        }

        public Builder clientCredentials(String clientId, String clientSecret) {
            this.clientId = clientId;
            this.clientSecret = clientSecret;
            return this;
        }

        /** The manifest to register; asked again before each registration, so it may change while running. */
        public Builder manifest(Supplier<ModuleManifest> manifest) {
            this.manifest = manifest;
            return this;
        }

        public Builder manifest(ModuleManifest manifest) {
            return manifest(() -> manifest);
        }

        /** How often an accepted registration is sent again (default 30 s). */
        public Builder heartbeat(Duration heartbeat) {
            this.heartbeat = requirePositive(heartbeat);
            return this;
        }

        /** First and largest wait between failed tries (default 0.5 s and 30 s). */
        public Builder backoff(Duration min, Duration max) {
            this.minBackoff = requirePositive(min);
            this.maxBackoff = requirePositive(max);
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.requestTimeout = requirePositive(timeout);
            return this;
        }

        public Builder listener(RegistrationListener listener) {
            this.listener = Objects.requireNonNull(listener);
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        public ModuleRegistrar build() {
            return new ModuleRegistrar(this);
        }

        private static Duration requirePositive(Duration d) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("durations must be positive");
            }
            return d;
        }
    }
}
