package org.nslab.gateway.simulation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nslab.testing.TestServersResource;
import org.nslab.testing.Tokens;

/**
 * The gateway's side of the composition: roles, input checks before any call, and a clear error when the simulation
 * service cannot be reached (none runs beside these tests; the end-to-end module has the whole stack).
 */
@QuarkusTest
@WithTestResource(TestServersResource.class)
class SimulationCompositionTests {

    static final String TOKENIZE = """
            query($input: TokenizeInput!) { tokenize(input: $input) { tokenizations { tokenizer tokens { id text } } userErrors { field message code } } }""";

    @Test
    void badInputIsAnsweredByTheGatewayWithUserErrorsNamingTheField() {
        graphql(given().auth().oauth2(Tokens.forUser("alice", "alice-demo")),
                Map.of("input", Map.of("text", "x".repeat(20_001), "tokenizers", List.of())))
                .body("errors", nullValue())
                .body("data.tokenize.tokenizations", empty())
                .body("data.tokenize.userErrors.field", equalTo(List.of(List.of("input", "text"), List.of("input", "tokenizers"))));
    }

    @Test
    void anUnreachableSimulationServiceGivesAServiceUnavailableErrorAndAnonymousCallersAreRefused() {
        graphql(given().auth().oauth2(Tokens.forUser("alice", "alice-demo")),
                Map.of("input", Map.of("text", "Hello tokens", "tokenizers", List.of("GPT2"))))
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("service-unavailable"))
                .body("errors[0].extensions.service", equalTo("simulation"))
                .body("errors[0].message", equalTo("The simulation service cannot be reached right now; try again in a moment."));
        graphql(given(), Map.of("input", Map.of("text", "Hello", "tokenizers", List.of("GPT2"))))
                .body("errors[0].extensions.code", equalTo("unauthorized"));
    }

    static ValidatableResponse graphql(RequestSpecification request, Map<String, Object> variables) {
        return request.contentType(ContentType.JSON).body(Map.of("query", TOKENIZE, "variables", variables))
                .post("/graphql").then().statusCode(200);
    }
}
