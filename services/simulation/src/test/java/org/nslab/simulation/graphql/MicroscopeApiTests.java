package org.nslab.simulation.graphql;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nslab.testing.TestServersResource;
import org.nslab.testing.Tokens;

/** The Component Microscope's one-shot view of a prompt, and the neuron atlas over held-out text. */
@QuarkusTest
@WithTestResource(TestServersResource.class)
class MicroscopeApiTests {

    private static String token;

    @BeforeEach
    void awaitReferenceModel() {
        if (token == null) {
            token = Tokens.forClient("nslab-gateway", "dev-only-gateway-secret");
        }
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() ->
                "READY".equals(graphql("query { referenceModel { state } }").extract().path("data.referenceModel.state")));
    }

    @Test
    void everyLayerAndHeadComesBackWithTheFocusTokensQueryKeysValuesAndOutput() {
        ValidatableResponse r = graphql("""
                query { microscope(input: {prompt: "The cat sat on the mat", layer: 1, head: 1, position: 3, top: 2}) {
                  microscope { model { layers heads headSize hidden expansion activation } tokens { text }
                    attention { layer head weights } focus { layer head position query keys values scores weights output }
                    residualNorms logitLens { probability } next { probability } topNeurons { neuron activation } hiddenActivations }
                  userErrors { field message } } }""")
                .body("data.microscope.userErrors", empty())
                .body("data.microscope.microscope.attention", hasSize(4))
                .body("data.microscope.microscope.model.expansion", equalTo(4))
                .body("data.microscope.microscope.focus.query", hasSize(16))
                .body("data.microscope.microscope.focus.scores", hasSize(4))
                .body("data.microscope.microscope.topNeurons[0]", hasSize(2));
        Map<String, Object> focus = r.extract().path("data.microscope.microscope.focus");
        List<Float> scores = cast(focus.get("scores"));
        List<Float> weights = cast(focus.get("weights"));
        // softmax of the scaled scores gives the head's weights, which are row 3 of its matrix
        double max = scores.stream().mapToDouble(Float::doubleValue).max().orElseThrow();
        double sum = scores.stream().mapToDouble(s -> Math.exp(s - max)).sum();
        List<List<Float>> matrix = r.extract().path("data.microscope.microscope.attention[3].weights");
        for (int k = 0; k < scores.size(); k++) {
            assertEquals(Math.exp(scores.get(k) - max) / sum, weights.get(k), 1e-5);
            assertEquals(matrix.get(3).get(k), weights.get(k), 1e-7);
        }
        // the output is the weighted sum of the values
        List<List<Float>> values = cast(focus.get("values"));
        List<Float> output = cast(focus.get("output"));
        for (int i = 0; i < output.size(); i++) {
            double expected = 0;
            for (int k = 0; k < weights.size(); k++) {
                expected += weights.get(k) * values.get(k).get(i);
            }
            assertEquals(expected, output.get(i), 1e-4);
        }
        List<Float> hidden = r.extract().path("data.microscope.microscope.hiddenActivations");
        assertEquals(128, hidden.size(), "expansion 4 × width 32");
    }

    @Test
    void thePackedAttentionKeysAndValuesAreTheListedNumbersExactly() {
        ValidatableResponse r = graphql("""
                query { microscope(input: {prompt: "The cat sat on the mat", layer: 0, head: 1, top: 2}) {
                  microscope { tokens { text } attention { layer head weights } packedAttention { shape float32 }
                    focus { keys values packedKeys { shape float32 } packedValues { shape float32 } } }
                  userErrors { field message } } }""")
                .body("data.microscope.userErrors", empty());
        int t = r.extract().path("data.microscope.microscope.tokens.size()");
        assertEquals(List.of(2, 2, t, t), r.extract().path("data.microscope.microscope.packedAttention.shape"));
        float[] packed = new PackedTensor(List.of(2, 2, t, t), r.extract().path("data.microscope.microscope.packedAttention.float32")).values();
        List<List<List<Number>>> maps = r.extract().path("data.microscope.microscope.attention.weights");
        int i = 0;
        for (List<List<Number>> map : maps) {
            for (List<Number> row : map) {
                for (Number w : row) {
                    assertEquals(w.floatValue(), packed[i], "weight " + i);
                    i++;
                }
            }
        }
        assertEquals(4 * t * t, i);
        for (String name : List.of("keys", "values")) {
            String packedName = "packed" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
            List<List<Number>> listed = r.extract().path("data.microscope.microscope.focus." + name);
            assertEquals(List.of(t, 16), r.extract().path("data.microscope.microscope.focus." + packedName + ".shape"));
            float[] values = new PackedTensor(List.of(t, 16), r.extract().path("data.microscope.microscope.focus." + packedName + ".float32")).values();
            for (int p = 0; p < t; p++) {
                for (int d = 0; d < 16; d++) {
                    assertEquals(listed.get(p).get(d).floatValue(), values[p * 16 + d], name + " [" + p + "][" + d + "]");
                }
            }
        }
    }

    @Test
    void badFocusesAreUserErrorsNamingTheField() {
        graphql("""
                query { microscope(input: {prompt: "The cat", layer: 9, head: 5, position: 40, top: 0}) {
                  microscope { tokens { id } } userErrors { field message } } }""")
                .body("data.microscope.microscope", nullValue())
                .body("data.microscope.userErrors.field", hasItem(List.of("input", "top")));
        graphql("""
                query { microscope(input: {prompt: "The cat", layer: 9, head: 5, position: 40}) {
                  microscope { tokens { id } } userErrors { field message } } }""")
                .body("data.microscope.userErrors.field", hasItem(List.of("input", "layer")))
                .body("data.microscope.userErrors.field", hasItem(List.of("input", "head")))
                .body("data.microscope.userErrors.field", hasItem(List.of("input", "position")));
        graphql("""
                query { neuronAtlas(input: {layer: 0, neuron: 100000}) { neuronAtlas { layer } userErrors { field message } } }""")
                .body("data.neuronAtlas.userErrors.field", hasItem(List.of("input", "neuron")));
    }

    @Test
    void aModelThatCannotBeReadIsAUserErrorNamingTheField() {
        String unknown = java.util.UUID.randomUUID().toString();
        graphql("""
                query { microscope(input: {prompt: "The cat", runId: "not-a-run"}) { microscope { tokens { id } } userErrors { field message } } }""")
                .body("data.microscope.microscope", nullValue())
                .body("data.microscope.userErrors.field", equalTo(List.of(List.of("input", "runId"))))
                .body("data.microscope.userErrors[0].message", equalTo("runId must be a UUID"));
        graphql("""
                query { microscope(input: {prompt: "The cat", runId: "%s"}) { microscope { tokens { id } } userErrors { field message } } }"""
                .formatted(unknown))
                .body("data.microscope.userErrors.field", equalTo(List.of(List.of("input", "runId"))))
                .body("data.microscope.userErrors[0].message", equalTo("run " + unknown + " has no checkpoint yet"));
        graphql("""
                query { neuronAtlas(input: {layer: 0, neuron: 1, runId: "%s", checkpointStep: 5}) { neuronAtlas { layer } userErrors { field message } } }"""
                .formatted(unknown))
                .body("data.neuronAtlas.neuronAtlas", nullValue())
                .body("data.neuronAtlas.userErrors.field", equalTo(List.of(List.of("input", "checkpointStep"))))
                .body("data.neuronAtlas.userErrors[0].message", equalTo("run " + unknown + " has no checkpoint at step 5"));
        graphql("""
                mutation { computeLossLandscape(size: 3, radius: 0.5, runId: "not-a-run") { job { id } userErrors { field message } } }""")
                .body("data.computeLossLandscape.job", nullValue())
                .body("data.computeLossLandscape.userErrors.field", hasItem(List.of("runId")));
    }

    @Test
    void aNeuronsAtlasListsHeldOutSnippetsStrongestFirstWithTheActivatingTokenMarked() {
        ValidatableResponse r = graphql("""
                query { neuronAtlas(input: {layer: 1, neuron: 7, snippets: 4}) {
                  neuronAtlas { layer neuron windows windowLength snippets { activation index tokens { text } } }
                  userErrors { field message } } }""")
                .body("data.neuronAtlas.userErrors", empty())
                .body("data.neuronAtlas.neuronAtlas.snippets", hasSize(4))
                .body("data.neuronAtlas.neuronAtlas.windows", greaterThan(0));
        List<Float> activations = r.extract().path("data.neuronAtlas.neuronAtlas.snippets.activation");
        for (int i = 1; i < activations.size(); i++) {
            assertTrue(activations.get(i - 1) >= activations.get(i));
        }
        List<Integer> index = r.extract().path("data.neuronAtlas.neuronAtlas.snippets.index");
        List<List<Object>> tokens = r.extract().path("data.neuronAtlas.neuronAtlas.snippets.tokens");
        assertTrue(index.get(0) < tokens.get(0).size());
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object o) {
        return (T) o;
    }

    private static ValidatableResponse graphql(String query) {
        return given().contentType(ContentType.JSON).auth().oauth2(token)
                .body(Map.of("query", query)).post("/graphql").then().statusCode(200);
    }
}
