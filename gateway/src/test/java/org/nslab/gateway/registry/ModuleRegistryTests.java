package org.nslab.gateway.registry;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nslab.events.EventCodec;
import org.nslab.events.ModuleRegistered;
import org.nslab.events.Topics;
import org.nslab.testing.TestServers;
import org.nslab.testing.TestServersResource;
import org.nslab.testing.Tokens;

@QuarkusTest
@WithTestResource(TestServersResource.class)
class ModuleRegistryTests {

    static final String REGISTER = """
            mutation($input: RegisterModuleInput!) {
              registerModule(input: $input) {
                outcome
                module { id version status level diagnostics { check } }
                diagnostics { check severity pointer message }
                userErrors { field message code }
              }
            }""";
    static final String CATALOGUE = """
            query($level: Int) { moduleCatalogue(level: $level) { level modules { id version order entryUrl integrity sandboxed
              operations { name } posterUrl manifestUrl } } }""";
    static final String REGISTERED = """
            query { registeredModules { id owner disabled pinnedVersion healthy healthMessage servedVersion
              releases { version status diagnostics { check message } } } }""";

    static TestModuleServer server;

    @BeforeAll
    static void startModuleServer() throws IOException {
        server = TestModuleServer.start();
    }

    @AfterAll
    static void stopModuleServer() {
        server.close();
    }

    static String manifest(String fixture, String id, String version) {
        return manifestFor(server, fixture, id, version);
    }

    /** A fixture for a module served by this server (its port and entry hash), with another id and version. */
    static String manifestFor(TestModuleServer server, String fixture, String id, String version) {
        try (InputStream in = ModuleRegistryTests.class.getResourceAsStream("/registry/" + fixture)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("${port}", String.valueOf(server == null ? 1 : server.port()))
                    .replace("${integrity}", server == null ? "sha384-" + "A".repeat(64) : server.entryIntegrity())
                    .replace("\"id\": \"example\"", "\"id\": \"" + id + "\"")
                    .replace("\"version\": \"1.0.0\"", "\"version\": \"" + version + "\"")
                    .replace("particles/stream.vert", "testing/probe.frag");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String uniqueId() {
        return "ex-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String moduleToken(String module) {
        return Tokens.forClient("module-" + module, "dev-only-module-" + module + "-secret");
    }

    @Test
    void aModuleClientRegistersAValidModuleThatTheCatalogueServesAndKafkaAnnounces() {
        String id = uniqueId();
        String token = moduleToken("journey-map");
        register(token, manifest("valid.json", id, "1.0.0"))
                .body("errors", nullValue())
                .body("data.registerModule.outcome", equalTo("REGISTERED"))
                .body("data.registerModule.module.status", equalTo("ACTIVE"))
                .body("data.registerModule.diagnostics", empty())
                .body("data.registerModule.userErrors", empty());

        ValidatableResponse catalogue = graphql(given(), CATALOGUE, Map.of("level", 2)).body("errors", nullValue());
        List<Map<String, Object>> modules = catalogue.extract().path("data.moduleCatalogue[0].modules");
        Map<String, Object> mine = modules.stream().filter(m -> m.get("id").equals(id)).findFirst().orElseThrow();
        assertEquals("1.0.0", mine.get("version"));
        assertEquals(server.entryIntegrity(), mine.get("integrity"));
        assertEquals(false, mine.get("sandboxed"), "registered by a first-party client: runs in the shell's page");
        String manifestUrl = (String) mine.get("manifestUrl");
        given().get(manifestUrl.replaceFirst("^https?://[^/]+", "")).then().statusCode(200).body("id", equalTo(id));

        ModuleRegistered event = consume(id, ModuleRegistered.Status.registered);
        assertEquals("1.0.0", event.version());
        assertEquals(2, event.level());
        assertEquals(id, event.key());
        assertTrue(event.manifestUrl().endsWith("/modules/" + id + "/1.0.0/module.json"), event.manifestUrl());
        assertTrue(event.posterUrl().endsWith("/example/poster.png"));

        register(token, manifest("valid.json", id, "1.0.0")).body("data.registerModule.outcome", equalTo("UNCHANGED"));
        register(token, manifest("valid.json", id, "1.1.0")).body("data.registerModule.outcome", equalTo("REGISTERED"));
        graphql(given(), CATALOGUE, Map.of("level", 2))
                .body("data.moduleCatalogue[0].modules.find { it.id == '" + id + "' }.version", equalTo("1.1.0"));
    }

    @Test
    void theFirstRegistrationClaimsAnIdAndAnotherAuthorIsRefused() {
        String id = uniqueId();
        register(moduleToken("playground"), manifest("valid.json", id, "0.1.0")).body("data.registerModule.outcome", equalTo("REGISTERED"));

        register(moduleToken("data-flow-cinema"), manifest("valid.json", id, "0.2.0"))
                .body("data.registerModule.outcome", equalTo("REJECTED"))
                .body("data.registerModule.module", nullValue())
                .body("data.registerModule.diagnostics.check", hasItem("id-ownership"))
                .body("data.registerModule.userErrors[0].code", equalTo("MODULE_ID_OWNED"))
                .body("data.registerModule.userErrors[0].field", equalTo(List.of("input", "manifest")));
        // A first-party id is reserved for its client even before that module ever registered.
        register(Tokens.forUser("dave", "dave-demo"), manifest("valid.json", "data-flow-cinema", "9.9.9"))
                .body("data.registerModule.outcome", equalTo("REJECTED"));
    }

    @Test
    void twoAuthorsRacingToClaimANewIdLeaveOneOwner() throws Exception {
        for (int round = 0; round < 5; round++) {
            String id = uniqueId();
            List<String> tokens = List.of(moduleToken("playground"), moduleToken("data-flow-cinema"));
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                List<java.util.concurrent.Future<String>> outcomes = new java.util.ArrayList<>();
                for (String token : tokens) {
                    outcomes.add(pool.submit(() -> {
                        start.await();
                        return register(token, manifest("valid.json", id, "1.0.0")).body("errors", nullValue())
                                .extract().path("data.registerModule.outcome");
                    }));
                }
                List<String> results = new java.util.ArrayList<>();
                for (var outcome : outcomes) {
                    results.add(outcome.get());
                }
                assertEquals(List.of("REGISTERED", "REJECTED"), results.stream().sorted().toList(), "round " + round);
            } finally {
                pool.shutdownNow();
            }
            List<Map<String, Object>> registered = graphql(given().auth().oauth2(Tokens.forUser("carol", "carol-demo")), REGISTERED, Map.of())
                    .extract().path("data.registeredModules.findAll { it.id == '" + id + "' }");
            assertEquals(1, registered.size());
            List<Map<String, Object>> releases = (List<Map<String, Object>>) registered.get(0).get("releases");
            assertEquals(1, releases.size(), "one release, by its one owner");
        }
    }

    @Test
    void onlyModuleAuthorsMayRegister() {
        String id = uniqueId();
        String manifest = manifest("valid.json", id, "1.0.0");
        graphql(given(), REGISTER, Map.of("input", Map.of("manifest", manifest))).body("errors[0].extensions.code", equalTo("unauthorized"));
        graphql(bearer(Tokens.forUser("alice", "alice-demo")), REGISTER, Map.of("input", Map.of("manifest", manifest)))
                .body("errors[0].extensions.code", equalTo("forbidden"));
        register(Tokens.forUser("dave", "dave-demo"), manifest).body("data.registerModule.outcome", equalTo("REGISTERED"));
        graphql(given(), CATALOGUE, Map.of())
                .body("data.moduleCatalogue.modules.flatten().find { it.id == '" + id + "' }.sandboxed", equalTo(true));
    }

    @Test
    void aModuleWithAFailedCheckIsKeptWithItsDiagnosticsButNotServed() {
        String id = uniqueId();
        String token = moduleToken("stage-theatres");
        register(token, manifest("invalid-operations.json", id, "1.0.0"))
                .body("data.registerModule.outcome", equalTo("REGISTERED"))
                .body("data.registerModule.module.status", equalTo("INVALID"))
                .body("data.registerModule.diagnostics[0].check", equalTo("operations"))
                .body("data.registerModule.diagnostics[0].pointer", equalTo("/operations/0/document"))
                .body("data.registerModule.diagnostics[0].message", containsString("nonexistentField"));
        register(token, manifest("invalid-shaders.json", id, "1.0.1"))
                .body("data.registerModule.module.status", equalTo("INVALID"))
                .body("data.registerModule.diagnostics[0].check", equalTo("shaders"));
        register(token, manifest("invalid-hosts-metadata.json", id, "1.0.2"))
                .body("data.registerModule.diagnostics.check", equalTo(List.of("hosts", "entry")));

        graphql(given(), CATALOGUE, Map.of()).body("data.moduleCatalogue.modules.flatten().id", not(hasItem(id)));
        graphql(bearer(token), REGISTERED, Map.of())
                .body("data.registeredModules.find { it.id == '" + id + "' }.releases.status", equalTo(List.of("INVALID", "INVALID", "INVALID")))
                .body("data.registeredModules.find { it.id == '" + id + "' }.servedVersion", nullValue());
        given().get("/modules/" + id + "/1.0.0/module.json").then().statusCode(404);
    }

    @Test
    void unreadableManifestsAreRejectedWithTheirDiagnosticAndNothingIsStored() {
        register(moduleToken("stage-theatres"), "{ not json")
                .body("data.registerModule.outcome", equalTo("REJECTED"))
                .body("data.registerModule.diagnostics[0].check", equalTo("json"))
                .body("data.registerModule.userErrors[0].code", equalTo("INVALID_MANIFEST"));
        register(moduleToken("stage-theatres"), manifest("invalid-schema.json", uniqueId(), "1.0.0"))
                .body("data.registerModule.outcome", equalTo("REJECTED"))
                .body("data.registerModule.diagnostics[0].message", containsString("colour"));
    }

    @Test
    void anUnhealthyModuleLeavesTheCatalogueAndReturnsWhenHealthy() throws IOException {
        try (TestModuleServer own = TestModuleServer.start()) {
            String id = uniqueId();
            String manifest = manifest("valid.json", id, "1.0.0").replace(":" + server.port() + "/", ":" + own.port() + "/");
            register(moduleToken("component-microscope"), manifest).body("data.registerModule.module.status", equalTo("ACTIVE"));
            String path = "data.moduleCatalogue.modules.flatten().id";

            own.healthy(false);
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> graphql(given(), CATALOGUE, Map.of()).body(path, not(hasItem(id))));
            consume(id, ModuleRegistered.Status.unhealthy);
            graphql(bearer(Tokens.forUser("carol", "carol-demo")), REGISTERED, Map.of())
                    .body("data.registeredModules.find { it.id == '" + id + "' }.healthy", equalTo(false))
                    .body("data.registeredModules.find { it.id == '" + id + "' }.healthMessage", containsString("503"));

            own.healthy(true);
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> graphql(given(), CATALOGUE, Map.of()).body(path, hasItem(id)));
            consume(id, ModuleRegistered.Status.healthy);
        }
    }

    @Test
    void anAdminDisablesEnablesAndPinsAModuleAndOthersMayNot() {
        String id = uniqueId();
        String token = moduleToken("journey-map");
        register(token, manifest("valid.json", id, "1.0.0"));
        register(token, manifest("valid.json", id, "2.0.0-rc.1"));
        register(token, manifest("valid.json", id, "1.5.0"));
        RequestSpecification admin = bearer(Tokens.forUser("carol", "carol-demo"));
        String served = "data.moduleCatalogue.modules.flatten().find { it.id == '" + id + "' }.version";
        graphql(given(), CATALOGUE, Map.of()).body(served, equalTo("2.0.0-rc.1"));

        String pin = "mutation($input: PinModuleVersionInput!) { pinModuleVersion(input: $input) { module { servedVersion pinnedVersion } userErrors { field code } } }";
        graphql(admin, pin, Map.of("input", Map.of("id", id, "version", "1.0.0")))
                .body("data.pinModuleVersion.module.servedVersion", equalTo("1.0.0"));
        graphql(given(), CATALOGUE, Map.of()).body(served, equalTo("1.0.0"));
        graphql(admin, pin, Map.of("input", Map.of("id", id, "version", "3.0.0")))
                .body("data.pinModuleVersion.userErrors[0].code", equalTo("NO_SUCH_VERSION"))
                .body("data.pinModuleVersion.userErrors[0].field", equalTo(List.of("input", "version")));
        graphql(admin, "mutation($input: PinModuleVersionInput!) { pinModuleVersion(input: $input) { module { servedVersion } } }",
                Map.of("input", unpin(id))).body("data.pinModuleVersion.module.servedVersion", equalTo("2.0.0-rc.1"));

        String disable = "mutation($input: ModuleIdInput!) { disableModule(input: $input) { module { disabled } userErrors { code } } }";
        graphql(bearer(token), disable, Map.of("input", Map.of("id", id))).body("errors[0].extensions.code", equalTo("forbidden"));
        graphql(admin, disable, Map.of("input", Map.of("id", id))).body("data.disableModule.module.disabled", equalTo(true));
        graphql(given(), CATALOGUE, Map.of()).body("data.moduleCatalogue.modules.flatten().id", not(hasItem(id)));
        consume(id, ModuleRegistered.Status.disabled);
        graphql(admin, "mutation($input: ModuleIdInput!) { enableModule(input: $input) { module { disabled } } }", Map.of("input", Map.of("id", id)))
                .body("data.enableModule.module.disabled", equalTo(false));
        graphql(given(), CATALOGUE, Map.of()).body("data.moduleCatalogue.modules.flatten().id", hasItem(id));
        graphql(admin, disable, Map.of("input", Map.of("id", "no-such-module"))).body("data.disableModule.userErrors[0].code", equalTo("NO_SUCH_MODULE"));
    }

    @Test
    void theManifestSchemaIsPublished() {
        given().get("/modules/module.schema.json").then().statusCode(200)
                .body("additionalProperties", equalTo(false))
                .body("required", hasItem("entry"));
    }

    static Map<String, Object> unpin(String id) {
        Map<String, Object> input = new java.util.HashMap<>();
        input.put("id", id);
        input.put("version", null);
        return input;
    }

    static ValidatableResponse register(String token, String manifest) {
        return graphql(bearer(token), REGISTER, Map.of("input", Map.of("manifest", manifest)));
    }

    static RequestSpecification bearer(String token) {
        return given().auth().oauth2(token);
    }

    static ValidatableResponse graphql(RequestSpecification request, String query, Map<String, Object> variables) {
        return request.contentType(ContentType.JSON).body(Map.of("query", query, "variables", variables))
                .when().post("/graphql").then().statusCode(200);
    }

    static ModuleRegistered consume(String moduleId, ModuleRegistered.Status status) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafkaBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "gateway-registry-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ModuleRegistered> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(Topics.MODULE_REGISTERED));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (moduleId.equals(record.key())) {
                        ModuleRegistered event = EventCodec.decodeModuleRegistered(record.value());
                        seen.add(event);
                        if (event.status() == status) {
                            return event;
                        }
                    }
                }
            }
        }
        throw new AssertionError("no " + status + " event for " + moduleId + " on " + Topics.MODULE_REGISTERED + "; saw " + seen);
    }
}
