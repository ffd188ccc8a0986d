package org.nslab.gateway.upstream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nslab.testing.TestServersResource;
import org.nslab.testing.Tokens;

/**
 * Services behind the gateway that hang or are down: the content service and the simulation accept connections and
 * never answer ({@link SilentServer}); the quiz service's port is closed. Every call answers
 * {@code service-unavailable} naming the service, within its deadline, without internals, and is counted.
 */
@QuarkusTest
@TestProfile(UpstreamDeadlineTests.HangingServices.class)
@WithTestResource(TestServersResource.class)
class UpstreamDeadlineTests {

    public static class HangingServices implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String silent = SilentServer.url();
            return Map.of(
                    "quarkus.smallrye-graphql-client.content.url", silent + "/graphql",
                    "quarkus.smallrye-graphql-client.simulation.url", silent + "/graphql",
                    "nslab.simulation.url", silent,
                    "nslab.upstream.timeout", "1s",
                    "nslab.upstream.services.simulation.timeout", "2s");
        }
    }

    @Test
    void aContentServiceThatNeverAnswersIsUnavailableWithinItsDeadline() {
        long start = System.nanoTime();
        graphql(given().auth().oauth2(Tokens.forUser("alice", "alice-demo")),
                "query { journeyMap(input: {locale: \"en\"}) { journeyMap { locale } userErrors { code } } }")
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("service-unavailable"))
                .body("errors[0].extensions.service", equalTo("content"))
                .body("errors[0].message", equalTo("The content service cannot be reached right now; try again in a moment."))
                .body(not(containsString("java.")))
                .body(not(containsString("TimeoutException")));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(Duration.ofSeconds(1)) >= 0 && took.compareTo(Duration.ofSeconds(6)) < 0,
                "answered after " + took + ", expected the 1 s deadline");
        metrics().body(containsString("nslab_upstream_failures_total{operation=\"course\",reason=\"timeout\",service=\"content\"}"))
                .body(containsString("nslab_upstream_calls_seconds_count{operation=\"course\",outcome=\"failure\",service=\"content\"}"));
    }

    @Test
    void theMicroscopePassThroughAndTheTypedSimulationClientKeepTheSimulationsDeadline() {
        RequestSpecification alice = given().auth().oauth2(Tokens.forUser("alice", "alice-demo"));
        long start = System.nanoTime();
        graphql(alice, "query { microscope(input: {prompt: \"The cat\"}) { microscope { tokens { text } } } }")
                .body("errors[0].extensions.code", equalTo("service-unavailable"))
                .body("errors[0].extensions.service", equalTo("simulation"));
        graphql(given().auth().oauth2(Tokens.forUser("alice", "alice-demo")), "query { accelerators { name } }")
                .body("errors[0].extensions.code", equalTo("service-unavailable"))
                .body("errors[0].extensions.service", equalTo("simulation"));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(Duration.ofSeconds(4)) >= 0 && took.compareTo(Duration.ofSeconds(12)) < 0,
                "answered after " + took + ", expected two 2 s deadlines");
        metrics().body(containsString("nslab_upstream_failures_total{operation=\"microscope\",reason=\"timeout\",service=\"simulation\"}"))
                .body(containsString("nslab_upstream_failures_total{operation=\"accelerators\",reason=\"timeout\",service=\"simulation\"}"));
    }

    @Test
    void aQuizServiceThatIsDownIsUnavailableAtOnceAndCountedAsUnreachable() {
        long start = System.nanoTime();
        graphql(given().auth().oauth2(Tokens.forUser("alice", "alice-demo")),
                "query { quizzes(input: {quizIds: [\"journey-map\"]}) { quizzes { id } userErrors { code } } }")
                .body("errors[0].extensions.code", equalTo("service-unavailable"))
                .body("errors[0].extensions.service", equalTo("quiz"));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        // refused, not waited for: counted as unreachable, not as a timeout (the first call also fetches the service token)
        assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "a refused connection should not hang: " + took);
        metrics().body(containsString("nslab_upstream_failures_total{operation=\"quizzes\",reason=\"unreachable\",service=\"quiz\"}"));
    }

    private static ValidatableResponse graphql(RequestSpecification request, String query) {
        return request.contentType(ContentType.JSON).body(Map.of("query", query, "variables", Map.of()))
                .post("/graphql").then().statusCode(200);
    }

    private static ValidatableResponse metrics() {
        return given().get("/q/metrics").then().statusCode(200);
    }
}
