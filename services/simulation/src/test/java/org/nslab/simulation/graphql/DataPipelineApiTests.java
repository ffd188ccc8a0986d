package org.nslab.simulation.graphql;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nslab.testing.TestServersResource;
import org.nslab.testing.Tokens;

@QuarkusTest
@WithTestResource(TestServersResource.class)
class DataPipelineApiTests {

    private static String serviceToken;

    @Inject
    DataPipelines pipelines;

    @BeforeAll
    static void token() {
        serviceToken = Tokens.forClient("nslab-gateway", "dev-only-gateway-secret");
    }

    /** Measuring the sources takes longer than a request's timeout on a busy machine: done once, before the requests. */
    @BeforeEach
    void measureTheSources() {
        pipelines.get();
    }

    @Test
    void theDefaultPipelineRunsEveryStageOverAllThreeSourcesAndReportsTheSpamFilter() {
        ValidatableResponse response = graphql("""
                query { dataPipeline { stages { stage enabled documentsIn documentsKept tokensIn tokensKept
                                                reasons { reason count } actions { reason count }
                                                spamFilter { spam ham spamRemoved hamRemoved precision recall hamKept }
                                                removedSamples { id source reasons preview } }
                                       sources { source documents tokens tokenShare }
                                       spamFilter { spam ham spamRemoved hamRemoved precision recall hamKept }
                                       keptSamples { source preview }
                                       documents { id source kept removedBy reasons language } documentCount
                                       userErrors { field message } } }""")
                .body("data.dataPipeline.userErrors", empty())
                .body("data.dataPipeline.stages.stage", equalTo(List.of("extraction", "language", "quality",
                        "pii-redaction", "exact-deduplication", "near-deduplication")))
                .body("data.dataPipeline.stages[0].documentsIn", greaterThan(6500))
                .body("data.dataPipeline.stages[0].actions.reason", hasItem("html-stripped"))
                .body("data.dataPipeline.stages[1].reasons.reason", hasItem("other-language"))
                .body("data.dataPipeline.stages[3].actions.reason", hasItem("EMAIL"))
                .body("data.dataPipeline.stages[5].reasons[0].reason", equalTo("near-duplicate"))
                .body("data.dataPipeline.stages[2].removedSamples.size()", equalTo(3))
                .body("data.dataPipeline.sources.source", equalTo(List.of("brown", "spam-assassin", "code")))
                .body("data.dataPipeline.spamFilter.spam", equalTo(1896))
                .body("data.dataPipeline.spamFilter.ham", equalTo(4150))
                .body("data.dataPipeline.documents.size()", equalTo(100));
        float precision = response.extract().path("data.dataPipeline.spamFilter.precision");
        float recall = response.extract().path("data.dataPipeline.spamFilter.recall");
        int spamRemoved = response.extract().path("data.dataPipeline.spamFilter.spamRemoved");
        int hamRemoved = response.extract().path("data.dataPipeline.spamFilter.hamRemoved");
        assertEquals((double) spamRemoved / (spamRemoved + hamRemoved), precision, 1e-6);
        assertEquals(spamRemoved / 1896.0, recall, 1e-6);
        int documents = response.extract().path("data.dataPipeline.documentCount");
        int first = response.extract().path("data.dataPipeline.stages[0].documentsIn");
        assertEquals(first, documents);
    }

    @Test
    void aStricterThresholdRemovesMoreSpamAndMoreHam() {
        Map<String, Integer> loose = spamFilter("{sources: [\"spam-assassin\"], minWords: 20}");
        Map<String, Integer> strict = spamFilter("{sources: [\"spam-assassin\"], minWords: 200}");
        assertTrue(strict.get("spamRemoved") > loose.get("spamRemoved"), strict + " vs " + loose);
        assertTrue(strict.get("hamRemoved") > loose.get("hamRemoved"), strict + " vs " + loose);
    }

    @Test
    void oneSourceAndAFilteredPageOfDocumentsCanBeAskedFor() {
        graphql("""
                query { dataPipeline(input: {sources: ["brown"], documentsFate: "REMOVED", documentsLimit: 5}) {
                  stages { documentsIn } spamFilter { spam } sources { source tokenShare }
                  documents { source kept } documentCount userErrors { field } } }""")
                .body("data.dataPipeline.userErrors", empty())
                .body("data.dataPipeline.stages[0].documentsIn", equalTo(500))
                .body("data.dataPipeline.spamFilter", equalTo(null))
                .body("data.dataPipeline.sources.source", equalTo(List.of("brown")))
                .body("data.dataPipeline.documents.kept", everyItem(equalTo(false)))
                .body("data.dataPipeline.documents.size()", lessThan(6));
    }

    @Test
    void theFirstVersionsFlatArgumentsStillWork() {
        int kept = graphql("query { dataPipeline(minWords: 50) { stages { documentsKept } } }")
                .extract().path("data.dataPipeline.stages[2].documentsKept");
        int strict = graphql("query { dataPipeline(minWords: 2300) { stages { documentsKept } } }")
                .extract().path("data.dataPipeline.stages[2].documentsKept");
        assertTrue(strict < kept, strict + " < " + kept);
        graphql("query { dataPipeline(duplicateThreshold: 0) { stages { stage } userErrors { field message } } }")
                .body("data.dataPipeline.userErrors[0].field", equalTo(List.of("duplicateThreshold")))
                .body("data.dataPipeline.userErrors[0].message", equalTo("must be between 0.5 and 1, was 0"));
    }

    @Test
    void unknownSourcesLanguagesAndOutOfRangeThresholdsAreUserErrorsNamingTheField() {
        graphql("""
                query { dataPipeline(input: {sources: ["web"], languages: ["xx"], minLanguageProbability: 1.5,
                                             maxSymbolRatio: -1, minWords: 500, maxWords: 100, documentsLimit: 5000,
                                             documentsFate: "MAYBE"}) {
                  stages { stage } userErrors { field message } } }""")
                .body("data.dataPipeline.stages", empty())
                .body("data.dataPipeline.userErrors.field", equalTo(List.of(
                        List.of("input", "sources"), List.of("input", "languages"), List.of("input", "minLanguageProbability"),
                        List.of("input", "maxSymbolRatio"), List.of("input", "minWords"), List.of("input", "documentsFate"),
                        List.of("input", "documentsLimit"))))
                .body("data.dataPipeline.userErrors[0].message", equalTo("unknown: web; must be among [brown, spam-assassin, code]"));
    }

    @Test
    void onlyPlatformServicesMayRunIt() {
        given().contentType(ContentType.JSON).auth().oauth2(Tokens.forUser("alice", "alice-demo"))
                .body(Map.of("query", "query { dataPipeline { userErrors { field } } }")).post("/graphql")
                .then().statusCode(200).body("errors[0].extensions.code", equalTo("forbidden"));
    }

    private static Map<String, Integer> spamFilter(String input) {
        return graphql("query { dataPipeline(input: " + input + ") { spamFilter { spamRemoved hamRemoved } userErrors { field } } }")
                .body("data.dataPipeline.userErrors", empty())
                .extract().path("data.dataPipeline.spamFilter");
    }

    private static ValidatableResponse graphql(String query) {
        return given().contentType(ContentType.JSON).auth().oauth2(serviceToken)
                .body(Map.of("query", query)).post("/graphql").then().statusCode(200);
    }
}
