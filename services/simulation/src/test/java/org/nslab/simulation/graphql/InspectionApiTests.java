package org.nslab.simulation.graphql;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

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

/** The reference model (a tiny one in tests) trains at start, then its insides can be inspected. */
@QuarkusTest
@WithTestResource(TestServersResource.class)
class InspectionApiTests {

    private static String token;

    /** RestAssured knows the application's port only per test, so the wait runs before each (and returns at once once ready). */
    @BeforeEach
    void awaitReferenceModel() {
        if (token == null) {
            token = Tokens.forClient("nslab-gateway", "dev-only-gateway-secret");
        }
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() ->
                "READY".equals(graphql("query { referenceModel { state step steps } }").extract().path("data.referenceModel.state")));
    }

    @Test
    void thePromptsInsidesComeBackLayerByLayer() {
        ValidatableResponse response = graphql("""
                query { inspect(input: {prompt: "The cat sat on the mat", layer: 1, top: 3}) {
                  inspection { tokens { id text } layer position attention { head weights } residualNorms
                               logitLens { token { text } probability } next { token { text } probability }
                               topNeurons { neuron activation } }
                  referenceModel { state } userErrors { field message } } }""")
                .body("data.inspect.userErrors", empty())
                .body("data.inspect.referenceModel.state", equalTo("READY"))
                .body("data.inspect.inspection.attention", hasSize(2))
                .body("data.inspect.inspection.logitLens", hasSize(2))
                .body("data.inspect.inspection.next", hasSize(3))
                .body("data.inspect.inspection.topNeurons", hasSize(3))
                .body("data.inspect.inspection.residualNorms", hasSize(5));
        List<Map<String, String>> tokens = response.extract().path("data.inspect.inspection.tokens");
        assertEquals("The cat sat on the mat", String.join("", tokens.stream().map(t -> t.get("text")).toList()));
        List<List<Float>> weights = response.extract().path("data.inspect.inspection.attention[0].weights");
        assertEquals(tokens.size(), weights.size());
        for (int q = 0; q < weights.size(); q++) {
            double sum = weights.get(q).stream().mapToDouble(Float::doubleValue).sum();
            assertEquals(1.0, sum, 1e-4, "row " + q);
            for (int k = q + 1; k < weights.size(); k++) {
                assertEquals(0f, weights.get(q).get(k));
            }
        }
    }

    @Test
    void generationWithTheSameSeedGivesTheSameTextAndShowsAlternatives() {
        String query = """
                query { generate(input: {prompt: "The jury said", tokens: 8, seed: 7, alternatives: 2}) {
                  text steps { token { text } probability alternatives { token { text } probability } } userErrors { message } } }""";
        String first = graphql(query).body("data.generate.steps", hasSize(8))
                .body("data.generate.steps[0].alternatives", hasSize(2))
                .extract().path("data.generate.text");
        graphql(query).body("data.generate.text", equalTo(first));
    }

    @Test
    void theEmbeddingSpaceShowsEveryTokenThePromptAndTheNearestNeighbours() {
        graphql("""
                query { embeddingSpace(prompt: "The cat sat", neighboursOf: 300, k: 4) {
                  embeddingSpace { explainedVarianceRatio vocabulary { token { id } x y z } prompt { token { text } x }
                                   neighbours { token { id } cosine } }
                  userErrors { field message } } }""")
                .body("data.embeddingSpace.userErrors", empty())
                .body("data.embeddingSpace.embeddingSpace.explainedVarianceRatio", hasSize(3))
                .body("data.embeddingSpace.embeddingSpace.vocabulary", hasSize(1024))
                .body("data.embeddingSpace.embeddingSpace.prompt.size()", org.hamcrest.Matchers.greaterThan(1))
                .body("data.embeddingSpace.embeddingSpace.neighbours", hasSize(4))
                .body("data.embeddingSpace.embeddingSpace.neighbours.token.id", org.hamcrest.Matchers.not(hasItem(300)));
        graphql("query { embeddingSpace(neighboursOf: 5000) { embeddingSpace { explainedVarianceRatio } userErrors { field } } }")
                .body("data.embeddingSpace.userErrors[0].field", equalTo(List.of("neighboursOf")));
    }

    @Test
    void aLossLandscapeIsComputedAsAJobAndCachedByItsSettings() {
        String id = graphql("mutation { computeLossLandscape(size: 5, radius: 0.5, seed: 3) { job { id total } userErrors { field } } }")
                .body("data.computeLossLandscape.userErrors", empty())
                .body("data.computeLossLandscape.job.total", equalTo(25))
                .extract().path("data.computeLossLandscape.job.id");
        await().atMost(Duration.ofSeconds(60)).until(() ->
                "DONE".equals(graphql("query { lossLandscapeJob(id: \"" + id + "\") { state } }").extract().path("data.lossLandscapeJob.state")));
        graphql("query { lossLandscapeJob(id: \"" + id + "\") { done losses centerLoss alphas } }")
                .body("data.lossLandscapeJob.done", equalTo(25))
                .body("data.lossLandscapeJob.losses", hasSize(5))
                .body("data.lossLandscapeJob.alphas[2]", equalTo(0.0f));
        graphql("mutation { computeLossLandscape(size: 5, radius: 0.5, seed: 3) { job { id state } } }")
                .body("data.computeLossLandscape.job.id", equalTo(id))
                .body("data.computeLossLandscape.job.state", equalTo("DONE"));
        graphql("mutation { computeLossLandscape(size: 500) { job { id } userErrors { field } } }")
                .body("data.computeLossLandscape.userErrors[0].field", equalTo(List.of("size")));
    }

    @Test
    void outOfRangeInputsAreUserErrorsNamingTheField() {
        graphql("""
                query { inspect(input: {prompt: "The cat", layer: 9, temperature: 0}) {
                  inspection { layer } userErrors { field message } } }""")
                .body("data.inspect.inspection", nullValue())
                .body("data.inspect.userErrors.field", hasItem(List.of("input", "temperature")));
        graphql("""
                query { inspect(input: {prompt: "The cat", layer: 9}) { inspection { layer } userErrors { field message } } }""")
                .body("data.inspect.userErrors[0].field", equalTo(List.of("input", "layer")));
        graphql("query { generate(input: {prompt: \"x\", tokens: 500}) { text userErrors { field } } }")
                .body("data.generate.userErrors[0].field", equalTo(List.of("input", "tokens")))
                .body("data.generate.text", nullValue());
        graphql("query { referenceModel { steps } }").body("data.referenceModel.steps", notNullValue());
    }

    private static ValidatableResponse graphql(String query) {
        return given().contentType(ContentType.JSON).auth().oauth2(token)
                .body(Map.of("query", query)).post("/graphql").then().statusCode(200);
    }
}
