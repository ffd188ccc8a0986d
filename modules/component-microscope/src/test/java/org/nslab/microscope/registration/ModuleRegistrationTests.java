package org.nslab.microscope.registration;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.nslab.sdk.testing.GraphQl;
import org.nslab.sdk.testing.PlatformStack;
import org.nslab.sdk.manifest.Integrity;
import org.nslab.sdk.manifest.Manifests;
import org.nslab.sdk.manifest.SemVer;

@QuarkusTest
@QuarkusTestResource(value = PlatformStack.class, restrictToAnnotatedClass = false, initArgs = {
        @ResourceArg(name = "services", value = "simulation"), @ResourceArg(name = "reference-model", value = "ready")})
class ModuleRegistrationTests {

    private static final String CATALOGUE = """
            query { moduleCatalogue(level: 3) { level modules { id version entryUrl integrity shaders operations { name } } } }""";

    @Test
    void theManifestIsValidAndItsIntegrityIsTheHashOfTheServedEntry() {
        String json = given().get("/component-microscope/module.json").then().statusCode(200).extract().asString();
        Manifests.Checked checked = Manifests.check(json, SemVer.parse("0.1.0").orElseThrow());
        assertTrue(checked.ok(), () -> checked.diagnostics().toString());
        var manifest = checked.manifest().orElseThrow();
        byte[] entry = given().get("/component-microscope/index.js").then().statusCode(200).extract().asByteArray();
        assertTrue(Integrity.matches(manifest.entry().integrity(), entry), "module.json's integrity matches the bytes served");
        assertEquals(PlatformStack.moduleUrl() + "/component-microscope/index.js", manifest.entry().url());
        assertEquals(List.of("Microscope", "NeuronAtlas"), manifest.operations().stream().map(o -> o.name()).toList());
        assertEquals(3, manifest.level());
    }

    @Test
    void theModuleRegistersItselfAndAppearsInTheGatewaysLevel3Catalogue() {
        String manifestIntegrity = Manifests.parse(given().get("/component-microscope/module.json").asString()).entry().integrity();
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonNode answer = GraphQl.tree(PlatformStack.gatewayUrl() + "/graphql", null, CATALOGUE, Map.of());
            JsonNode level = answer.path("data").path("moduleCatalogue").path(0);
            assertEquals(3, level.path("level").asInt(), answer::toString);
            JsonNode module = StreamSupport.stream(level.path("modules").spliterator(), false)
                    .filter(m -> m.path("id").asText().equals("component-microscope")).findFirst().orElseThrow(() -> new AssertionError(answer));
            assertEquals(manifestIntegrity, module.path("integrity").asText());
            assertEquals(PlatformStack.moduleUrl() + "/component-microscope/index.js", module.path("entryUrl").asText());
            assertTrue(module.path("shaders").toString().contains("particles.vert"));
        });
    }

    @Test
    void theShellsOriginMayImportTheEntryAsAModuleScript() {
        given().header("Origin", "http://127.0.0.1:8080").get("/component-microscope/index.js").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://127.0.0.1:8080");
    }

    @Test
    void theHealthCheckIsUp() {
        given().get("/q/health/ready").then().statusCode(200);
    }
}
