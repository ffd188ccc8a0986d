package org.nslab.simulation.graphql;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nslab.testing.TestServersResource;
import org.nslab.testing.Tokens;

@QuarkusTest
@WithTestResource(TestServersResource.class)
class CalculatorAndTokenizerApiTests {

    private static String serviceToken;

    @BeforeAll
    static void token() {
        serviceToken = Tokens.forClient("nslab-gateway", "dev-only-gateway-secret");
    }

    @Test
    void gpt2TokenizesTheCatSatOnTheMatAsPublishedAndTheLabBpeSplitsItToo() {
        graphql(serviceToken, """
                query { tokenize(input: {text: "The cat sat on the mat", tokenizers: [GPT2, LAB_BPE]}) {
                  tokenizations { tokenizer tokens { id text byteStart byteEnd } } userErrors { field message } } }""")
                .body("data.tokenize.userErrors", empty())
                .body("data.tokenize.tokenizations[0].tokens.id", equalTo(List.of(464, 3797, 3332, 319, 262, 2603)))
                .body("data.tokenize.tokenizations[1].tokenizer", equalTo("LAB_BPE"))
                .body("data.tokenize.tokenizations[1].tokens.size()", greaterThan(5));
    }

    @Test
    void theBpeReplayShowsEachMergeOnTheWay() {
        ValidatableResponse response = graphql(serviceToken, """
                query { bpeReplay(text: "the cat") { bytes steps { mergeRank merged tokens } userErrors { message } }
                        tokenize(input: {text: "the cat", tokenizers: [LAB_BPE]}) { tokenizations { tokens { id } } } }""")
                .body("data.bpeReplay.bytes", equalTo(List.of(116, 104, 101, 32, 99, 97, 116)))
                .body("data.bpeReplay.steps.size()", greaterThan(1));
        List<Integer> replayed = response.extract().path("data.bpeReplay.steps[-1].tokens");
        List<Integer> encoded = response.extract().path("data.tokenize.tokenizations[0].tokens.id");
        assertEquals(encoded, replayed);
    }

    @Test
    void gpt2SmallHasItsPublishedParameterCountAndAChangedHeadCountThatDoesNotDivideTheWidthIsAUserError() {
        graphql(serviceToken, """
                query { architecture(input: {preset: "GPT-2 small"}) {
                  architecture { totalParameters flopsPerToken { forward training } inferenceMemory { kvCacheBytesPerToken } }
                  userErrors { field message } } }""")
                .body("data.architecture.userErrors", empty())
                .body("data.architecture.architecture.totalParameters", equalTo(124_439_808));
        graphql(serviceToken, """
                query { architecture(input: {preset: "GPT-2 small", heads: 7, zeroStage: 5}) {
                  architecture { totalParameters } userErrors { field message } } }""")
                .body("data.architecture.architecture", nullValue())
                .body("data.architecture.userErrors.field", hasItem(List.of("input", "heads")))
                .body("data.architecture.userErrors.field", hasItem(List.of("input", "zeroStage")));
    }

    @Test
    void aFlopBudgetGetsComputeOptimalAllocationsAndANegativeBudgetAUserError() {
        float loss = graphql(serviceToken, """
                query { computeOptimal(computeFlops: 5.76e23, parameters: 7e10, tokens: 1.4e12) {
                  allocations { method parameters tokens } chinchillaLoss { loss } userErrors { field message } } }""")
                .body("data.computeOptimal.userErrors", empty())
                .body("data.computeOptimal.allocations.size()", equalTo(3))
                .extract().path("data.computeOptimal.chinchillaLoss.loss");
        assertEquals(1.9366, loss, 1e-3);
        graphql(serviceToken, "query { computeOptimal(computeFlops: -1) { allocations { method } userErrors { field message } } }")
                .body("data.computeOptimal.userErrors[0].field", equalTo(List.of("computeFlops")));
    }

    @Test
    void referenceModelsComeFromTheContentFileWithTheirSources() {
        ValidatableResponse response = graphql(serviceToken,
                "query { referenceModels { name parameters tokens computeFlops computePublished source url } }")
                .body("data.referenceModels.name", hasItem("Chinchilla"))
                .body("data.referenceModels.find { it.name == 'GPT-3' }.computePublished", equalTo(true))
                .body("data.referenceModels.find { it.name == 'Llama 2 70B' }.computePublished", equalTo(false));
        Number gpt3 = response.extract().path("data.referenceModels.find { it.name == 'GPT-3' }.computeFlops");
        assertEquals(3.14e23, gpt3.doubleValue(), 1e20);
        List<String> sources = response.extract().path("data.referenceModels.source");
        sources.forEach(source -> org.junit.jupiter.api.Assertions.assertFalse(source.isBlank()));
    }

    @Test
    void onlyPlatformServicesMayCallIt() {
        graphql(Tokens.forUser("alice", "alice-demo"), "query { accelerators { name } }")
                .body("errors[0].extensions.code", equalTo("forbidden"));
        graphql(null, "query { accelerators { name } }")
                .body("errors[0].extensions.code", equalTo("unauthorized"));
    }

    private static ValidatableResponse graphql(String token, String query) {
        var request = given().contentType(ContentType.JSON);
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        return request.body(Map.of("query", query)).post("/graphql").then().statusCode(200);
    }
}
