package org.nslab.gateway.simulation;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nslab.gateway.lab.SimulationServiceResource;
import org.nslab.testing.TestServersResource;
import org.nslab.testing.Tokens;

/**
 * The microscope through the gateway against the real simulation service: the caller's selection (aliases,
 * fragments, {@code @skip}, {@code __typename}) is answered, and the packed numbers are the simulation's own,
 * byte for byte, and agree with the plain lists.
 */
@QuarkusTest
@WithTestResource(TestServersResource.class)
@WithTestResource(SimulationServiceResource.class)
class MicroscopePassThroughTests {

    private static final Map<String, Object> INPUT = Map.of("input", Map.of("prompt", "The cat sat on the mat", "layer", 1, "head", 1));

    private static RequestSpecification guest() {
        String token = given().contentType(ContentType.JSON).body(Map.of("query", "mutation { startGuestSession { token } }"))
                .post("/graphql").then().statusCode(200).extract().path("data.startGuestSession.token");
        return given().header("Authorization", "Guest " + token);
    }

    private static JsonPath post(RequestSpecification request, String url, String query) {
        return request.contentType(ContentType.JSON).body(Map.of("query", query, "variables", INPUT)).post(url)
                .then().statusCode(200).body("errors", nullValue()).extract().jsonPath();
    }

    private static JsonPath direct(String query) {
        String service = "Bearer " + Tokens.forClient("nslab-gateway", "dev-only-gateway-secret");
        return post(given().header("Authorization", service), System.getProperty(SimulationServiceResource.URL_PROPERTY), query);
    }

    private static void awaitReferenceModel() {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() ->
                "READY".equals(direct("query($input: MicroscopeInput!) { microscope(input: $input) { referenceModel { state } } }")
                        .getString("data.microscope.referenceModel.state")));
    }

    @Test
    void thePackedNumbersAreTheSimulationsOwnAndMatchThePlainLists() {
        awaitReferenceModel();
        String query = """
                query($input: MicroscopeInput!) { microscope(input: $input) { microscope {
                  tokens { text } packedAttention { shape float32 } attention { layer head weights }
                  focus { position packedKeys { shape float32 } keys } } userErrors { field message } } }""";
        JsonPath viaGateway = post(guest(), "/graphql", query);
        JsonPath atSimulation = direct(query);
        assertEquals(atSimulation.getString("data.microscope.microscope.packedAttention.float32"),
                viaGateway.getString("data.microscope.microscope.packedAttention.float32"));
        List<Integer> shape = viaGateway.getList("data.microscope.microscope.packedAttention.shape", Integer.class);
        int tokens = viaGateway.getList("data.microscope.microscope.tokens").size();
        assertEquals(List.of(2, 2, tokens, tokens), shape, "[layers, heads, tokens, tokens] of the test's reference model");
        float[] packed = floats(viaGateway.getString("data.microscope.microscope.packedAttention.float32"));
        List<List<List<Number>>> maps = viaGateway.getList("data.microscope.microscope.attention.weights");
        int i = 0;
        for (List<List<Number>> map : maps) {
            for (List<Number> row : map) {
                for (Number w : row) {
                    assertEquals(w.floatValue(), packed[i], "packed weight " + i + " is the listed weight");
                    i++;
                }
            }
        }
        assertEquals(packed.length, i);
        float[] keys = floats(viaGateway.getString("data.microscope.microscope.focus.packedKeys.float32"));
        List<List<Number>> listed = viaGateway.getList("data.microscope.microscope.focus.keys");
        assertEquals(List.of(tokens, listed.get(0).size()), viaGateway.getList("data.microscope.microscope.focus.packedKeys.shape", Integer.class));
        assertEquals(listed.get(tokens - 1).get(3).floatValue(), keys[(tokens - 1) * listed.get(0).size() + 3]);
    }

    @Test
    void theCallersSelectionIsAnsweredWithAliasesFragmentsSkipAndTypename() {
        awaitReferenceModel();
        guest().contentType(ContentType.JSON).body(Map.of("query", """
                query($input: MicroscopeInput!, $noNorms: Boolean!) { microscope(input: $input) {
                  __typename
                  view: microscope { ...shape words: tokens { text } tokens { id } residualNorms @skip(if: $noNorms) focus { layer } }
                  again: microscope { focus { head } model { __typename } }
                  userErrors { field } } }
                fragment shape on MicroscopeReport { model { layers heads } }""",
                        "variables", Map.of("input", INPUT.get("input"), "noNorms", true)))
                .post("/graphql").then().statusCode(200)
                .body("errors", nullValue())
                .body("data.microscope.__typename", equalTo("MicroscopePayload"))
                .body("data.microscope.view.model.layers", equalTo(2))
                .body("data.microscope.view.words[0].text", equalTo("The"))
                .body("data.microscope.view.tokens[0].id", notNullValue())
                .body("data.microscope.view.residualNorms", nullValue())
                .body("data.microscope.view.focus.layer", equalTo(1))
                .body("data.microscope.again.focus.head", equalTo(1))
                .body("data.microscope.again.model.__typename", equalTo("ModelShape"))
                .body("data.microscope.userErrors", empty());
    }

    @Test
    void theSimulationsUserErrorsComeThroughWithTheirFieldPath() {
        awaitReferenceModel();
        guest().contentType(ContentType.JSON).body(Map.of("query", """
                query($input: MicroscopeInput!) { microscope(input: $input) { microscope { tokens { text } } userErrors { field message code } } }""",
                        "variables", Map.of("input", Map.of("prompt", "The cat", "head", 7))))
                .post("/graphql").then().statusCode(200)
                .body("data.microscope.microscope", nullValue())
                .body("data.microscope.userErrors", hasSize(1))
                .body("data.microscope.userErrors[0].field", equalTo(List.of("input", "head")))
                .body("data.microscope.userErrors[0].code", equalTo("INVALID_INPUT"));
    }

    private static float[] floats(String base64) {
        ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(base64)).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[bytes.remaining() / Float.BYTES];
        bytes.asFloatBuffer().get(out);
        return out;
    }
}
