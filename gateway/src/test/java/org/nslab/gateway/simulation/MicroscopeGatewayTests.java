package org.nslab.gateway.simulation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nslab.testing.TestServersResource;
import org.nslab.testing.Tokens;

/**
 * The public microscope operations: who may call them, and a clear error while the simulation service is
 * unreachable (none runs beside these tests; the module's browser tests run the two together).
 */
@QuarkusTest
@WithTestResource(TestServersResource.class)
class MicroscopeGatewayTests {

    private static final String MICROSCOPE = """
            query($input: MicroscopeInput!) { microscope(input: $input) { microscope { tokens { text } } userErrors { field message code } } }""";

    @Test
    void learnersAndGuestsMayLookButModuleAuthorsAndAnonymousCallersMayNot() {
        Map<String, Object> input = Map.of("input", Map.of("prompt", "The cat"));
        graphql(given(), input).body("errors[0].extensions.code", equalTo("unauthorized"));
        graphql(given().auth().oauth2(Tokens.forUser("dave", "dave-demo")), input).body("errors[0].extensions.code", equalTo("forbidden"));
        String guest = given().contentType(ContentType.JSON).body(Map.of("query", "mutation { startGuestSession { token } }"))
                .post("/graphql").then().statusCode(200).extract().path("data.startGuestSession.token");
        graphql(given().header("Authorization", "Guest " + guest), input)
                .body("data.microscope", nullValue())
                .body("errors[0].extensions.code", equalTo("service-unavailable"))
                .body("errors[0].message", startsWith("The simulation service cannot be reached"));
        graphql(given().auth().oauth2(Tokens.forUser("alice", "alice-demo")), input)
                .body("errors[0].extensions.code", equalTo("service-unavailable"));
    }

    @Test
    void theSchemaHasTheMicroscopeAndTheNeuronAtlas() {
        given().get("/graphql/schema.graphql").then().statusCode(200)
                .body(containsString("microscope(input: MicroscopeInput!): MicroscopePayload!"))
                .body(containsString("neuronAtlas(input: NeuronAtlasInput!): NeuronAtlasPayload!"));
    }

    private static ValidatableResponse graphql(RequestSpecification request, Map<String, Object> variables) {
        return request.contentType(ContentType.JSON).body(Map.of("query", MICROSCOPE, "variables", variables))
                .when().post("/graphql").then().statusCode(200);
    }
}
