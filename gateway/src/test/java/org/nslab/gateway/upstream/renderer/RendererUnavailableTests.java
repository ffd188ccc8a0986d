package org.nslab.gateway.upstream.renderer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.nslab.testing.TestServersResource;
import org.nslab.testing.Tokens;

/**
 * No renderer beside the gateway (the test configuration points the client at a closed port): render operations
 * fail clearly with {@code service-unavailable}, render files with 503, and the failures are counted.
 */
@QuarkusTest
@WithTestResource(TestServersResource.class)
class RendererUnavailableTests {

    @Test
    void withTheRendererDownRenderCallsSayServiceUnavailableAndFilesAre503() {
        long started = System.nanoTime();
        given().auth().oauth2(Tokens.forUser("alice", "alice-demo")).contentType(ContentType.JSON)
                .body(Map.of("query", "{ myRenderJobs { id } }")).post("/graphql").then().statusCode(200)
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("service-unavailable"))
                .body("errors[0].message", containsString("The renderer service cannot be reached"))
                .body("errors[0].message", org.hamcrest.Matchers.not(containsString("Exception")));
        given().contentType(ContentType.JSON).body(Map.of("query", "{ sceneSchema }")).post("/graphql").then().statusCode(200)
                .body("errors[0].extensions.code", equalTo("service-unavailable"));
        given().get("/renders/" + UUID.randomUUID() + ".png").then().statusCode(503).header("Retry-After", "5")
                .body(containsString("The renderer service cannot be reached"));
        assertTrue(System.nanoTime() - started < 30_000_000_000L, "answered within the timeouts");

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String operation : new String[] {"myRenderJobs", "sceneSchema", "renders"}) {
            assertTrue(metrics.lines().anyMatch(l -> l.startsWith("nslab_upstream_failures_total{") && l.contains("operation=\"" + operation + "\"")
                    && l.contains("service=\"renderer\"") && !l.endsWith(" 0.0")), operation + " failure not counted:\n" + metrics);
        }
    }
}
