package org.nslab.gateway.lab;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.nslab.testing.TestServersResource;
import org.nslab.testing.Tokens;

/**
 * The simulation service's calculators, lab and training runs through the gateway, against the real service
 * ({@link SimulationServiceResource}) on the real test servers, with real Keycloak tokens.
 */
@QuarkusTest
@WithTestResource(TestServersResource.class)
@WithTestResource(SimulationServiceResource.class)
class SimulationLabGatewayTests {

    static RequestSpecification alice() {
        return given().auth().oauth2(Tokens.forUser("alice", "alice-demo"));
    }

    static RequestSpecification erin() {
        return given().auth().oauth2(Tokens.forUser("erin", "erin-demo"));
    }

    static RequestSpecification bob() {
        return given().auth().oauth2(Tokens.forUser("bob", "bob-demo"));
    }

    static RequestSpecification guest() {
        String token = given().contentType(ContentType.JSON).body(Map.of("query", "mutation { startGuestSession { token } }"))
                .post("/graphql").then().statusCode(200).extract().path("data.startGuestSession.token");
        return given().header("Authorization", "Guest " + token);
    }

    static ValidatableResponse graphql(RequestSpecification request, String query, Map<String, Object> variables) {
        return request.contentType(ContentType.JSON).body(Map.of("query", query, "variables", variables))
                .post("/graphql").then().statusCode(200);
    }

    @Test
    void aGuestTokenizesWithGpt2AndReplaysTheLabBpe() {
        graphql(guest(), """
                query($input: TokenizeInput!) { tokenize(input: $input) { tokenizations { tokenizer tokens { id text } } userErrors { field } } }""",
                Map.of("input", Map.of("text", "The cat sat on the mat", "tokenizers", List.of("GPT2", "LAB_BPE"))))
                .body("errors", nullValue())
                .body("data.tokenize.tokenizations[0].tokens.id", equalTo(List.of(464, 3797, 3332, 319, 262, 2603)))
                .body("data.tokenize.tokenizations[1].tokenizer", equalTo("LAB_BPE"));
        graphql(guest(), """
                query($input: BpeReplayInput!) { bpeReplay(input: $input) { bytes steps { mergeRank merged tokens } userErrors { field } } }""",
                Map.of("input", Map.of("text", "the cat")))
                .body("errors", nullValue())
                .body("data.bpeReplay.bytes", hasSize(7))
                .body("data.bpeReplay.steps", not(empty()))
                .body("data.bpeReplay.userErrors", empty());
        // every call to the service is timed by service, operation and outcome (upstream.Upstream)
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("nslab_upstream_calls_seconds_count{operation=\"tokenize\",outcome=\"success\",service=\"simulation\"}"))
                .body(containsString("nslab_upstream_calls_seconds_count{operation=\"bpeReplay\",outcome=\"success\",service=\"simulation\"}"));
    }

    @Test
    void aLearnerRunsTheDataPipelineOnTheRealCorporaAndABadThresholdNamesItsField() {
        String query = """
                query($input: DataPipelineInput!) { dataPipeline(input: $input) {
                  stages { stage enabled documentsIn documentsKept reasons { reason count } }
                  documents { id source kept removedBy reasons } documentCount
                  sources { source documents tokenShare } spamFilter { spam ham precision recall }
                  userErrors { field message code } } }""";
        // the first run measures the three corpora (the service's warm-up is off in these tests): allow it minutes
        graphql(alice().config(RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.socket.timeout", 300_000))), query, Map.of("input", Map.of("documentsLimit", 0)))
                .body("data.dataPipeline.userErrors", empty());
        ValidatableResponse strict = graphql(alice(), query, Map.of("input", Map.of("minWords", 200, "documentsFate", "REMOVED",
                "documentsLimit", 5)))
                .body("errors", nullValue())
                .body("data.dataPipeline.userErrors", empty())
                .body("data.dataPipeline.stages.stage", hasItem("quality"))
                .body("data.dataPipeline.documents", hasSize(5))
                .body("data.dataPipeline.documents.kept", everyItem(equalTo(false)))
                .body("data.dataPipeline.sources.source", hasItem("spam-assassin"));
        int spam = strict.extract().path("data.dataPipeline.spamFilter.spam");
        assertTrue(spam > 1000, "SpamAssassin's labelled spam: " + spam);
        int removedStrict = strict.extract().path("data.dataPipeline.documentCount");
        int removedDefault = graphql(alice(), query, Map.of("input", Map.of("documentsFate", "REMOVED", "documentsLimit", 0)))
                .body("data.dataPipeline.userErrors", empty())
                .extract().path("data.dataPipeline.documentCount");
        assertTrue(removedStrict > removedDefault, "a stricter minimum length removes more: " + removedStrict + " vs " + removedDefault);

        graphql(guest(), query, Map.of("input", Map.of("duplicateThreshold", 2.0)))
                .body("errors", nullValue())
                .body("data.dataPipeline.stages", empty())
                .body("data.dataPipeline.userErrors[0].field", equalTo(List.of("input", "duplicateThreshold")))
                .body("data.dataPipeline.userErrors[0].code", equalTo("INVALID_INPUT"));
    }

    @Test
    void theArchitectureCalculatorCountsGpt2SmallAndNamesTheFieldOfABadInput() {
        String query = """
                query($input: ArchitectureInput!) { architecture(input: $input) {
                  architecture { name totalParameters components { name parameters } flopsPerToken { forward training }
                                 trainingMemoryPerGpu { totalBytes } inferenceMemory { totalBytes } }
                  userErrors { field message code } } }""";
        Number training = graphql(guest(), query, Map.of("input", Map.of("preset", "GPT-2 small")))
                .body("errors", nullValue())
                .body("data.architecture.architecture.totalParameters", equalTo(124_439_808))
                .body("data.architecture.userErrors", empty())
                .extract().path("data.architecture.architecture.flopsPerToken.training");
        // 6N for the weights plus the attention term
        assertTrue(training.doubleValue() > 6 * 124_439_808.0 && training.doubleValue() < 7 * 124_439_808.0, "training FLOPs " + training);
        graphql(alice(), query, Map.of("input", Map.of("preset", "GPT-2 small", "heads", 7)))
                .body("errors", nullValue())
                .body("data.architecture.architecture", nullValue())
                .body("data.architecture.userErrors.field", hasItem(List.of("input", "heads")));
        graphql(alice(), query, Map.of("input", Map.of("preset", "no-such-model")))
                .body("data.architecture.userErrors[0].field", equalTo(List.of("input", "preset")));
    }

    @Test
    void scalingLawsCostAndReferenceModelsComeThrough() {
        graphql(guest(), """
                query($input: ComputeOptimalInput!) { computeOptimal(input: $input) {
                  allocations { method parameters tokens } chinchillaLoss { loss } userErrors { field message } } }""",
                Map.of("input", Map.of("computeFlops", 5.76e23, "parameters", 70e9, "tokens", 1.4e12)))
                .body("errors", nullValue())
                .body("data.computeOptimal.allocations", hasSize(3))
                .body("data.computeOptimal.chinchillaLoss.loss", greaterThan(1.9f))
                .body("data.computeOptimal.chinchillaLoss.loss", org.hamcrest.Matchers.lessThan(1.98f));
        graphql(guest(), """
                query($input: ComputeOptimalInput!) { computeOptimal(input: $input) { allocations { method } userErrors { field message } } }""",
                Map.of("input", Map.of("computeFlops", -1)))
                .body("data.computeOptimal.allocations", empty())
                .body("data.computeOptimal.userErrors[0].field", equalTo(List.of("input", "computeFlops")));
        graphql(guest(), """
                query($input: TrainingCostInput!) { trainingCost(input: $input) { estimate { wallClockDays cost } userErrors { field } } }""",
                Map.of("input", Map.of("computeFlops", 1e21, "accelerator", "TPU-from-mars", "count", 8, "utilization", 0.4,
                        "pricePerAcceleratorHour", 2.0)))
                .body("data.trainingCost.estimate", nullValue())
                .body("data.trainingCost.userErrors[0].field", equalTo(List.of("input", "accelerator")));
        graphql(guest(), "{ referenceModels { name parameters tokens source } accelerators { name peakFlopsPerSecond } }", Map.of())
                .body("errors", nullValue())
                .body("data.referenceModels.name", hasItem("Chinchilla"))
                .body("data.accelerators", not(empty()));
    }

    @Test
    void aGuestInspectsAndGeneratesWithTheReferenceModel() {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).until(() ->
                "READY".equals(graphql(guest(), "{ referenceModel { state } }", Map.of()).extract().path("data.referenceModel.state")));
        graphql(guest(), """
                query($input: InspectInput!) { inspect(input: $input) {
                  inspection { tokens { id text } attention { layer head weights } next { probability token { text } } }
                  referenceModel { state } userErrors { field } } }""",
                Map.of("input", Map.of("prompt", "The cat sat on the", "layer", 0)))
                .body("errors", nullValue())
                .body("data.inspect.inspection.tokens", not(empty()))
                .body("data.inspect.inspection.attention", hasSize(2))
                .body("data.inspect.inspection.next.probability", everyItem(greaterThan(0f)));
        List<List<Float>> weights = graphql(guest(), """
                query($input: InspectInput!) { inspect(input: $input) { inspection { attention { weights } } } }""",
                Map.of("input", Map.of("prompt", "The cat sat on the", "layer", 1)))
                .extract().path("data.inspect.inspection.attention[0].weights");
        for (List<Float> row : weights) {
            assertEquals(1.0, row.stream().mapToDouble(Float::doubleValue).sum(), 1e-3);
        }
        graphql(guest(), """
                query($input: GenerateInput!) { generate(input: $input) { text steps { token { text } alternatives { probability } } userErrors { field } } }""",
                Map.of("input", Map.of("prompt", "The cat", "tokens", 4, "seed", 7)))
                .body("errors", nullValue())
                .body("data.generate.steps", hasSize(4))
                .body("data.generate.text", notNullValue());
        graphql(guest(), """
                query($input: InspectInput!) { inspect(input: $input) { inspection { tokens { id } } userErrors { field code } } }""",
                Map.of("input", Map.of("prompt", "x".repeat(2_001))))
                .body("data.inspect.inspection", nullValue())
                .body("data.inspect.userErrors[0].field", equalTo(List.of("input", "prompt")));
    }

    @Test
    void aGuestComputesALossLandscapeAroundTheReferenceModel() {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).until(() ->
                "READY".equals(graphql(guest(), "{ referenceModel { state } }", Map.of()).extract().path("data.referenceModel.state")));
        String mutation = """
                mutation($input: ComputeLossLandscapeInput!) { computeLossLandscape(input: $input) { job { id state size } userErrors { field code } } }""";
        graphql(guest(), mutation, Map.of("input", Map.of("size", 1)))
                .body("data.computeLossLandscape.job", nullValue())
                .body("data.computeLossLandscape.userErrors[0].field", equalTo(List.of("input", "size")));
        String id = graphql(guest(), mutation, Map.of("input", Map.of("size", 3, "radius", 0.5, "seed", 3)))
                .body("errors", nullValue())
                .body("data.computeLossLandscape.userErrors", empty())
                .extract().path("data.computeLossLandscape.job.id");
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> "DONE".equals(graphql(guest(),
                "query($id: ID!) { lossLandscapeJob(id: $id) { state } }", Map.of("id", id)).extract().path("data.lossLandscapeJob.state")));
        graphql(guest(), "query($id: ID!) { lossLandscapeJob(id: $id) { done total losses alphas centerLoss } }", Map.of("id", id))
                .body("data.lossLandscapeJob.losses", hasSize(3))
                .body("data.lossLandscapeJob.losses[1]", hasSize(3))
                .body("data.lossLandscapeJob.alphas", hasSize(3))
                .body("data.lossLandscapeJob.centerLoss", greaterThan(0f));
    }

    static final String START = """
            mutation($input: TrainingRunInput!) { startTrainingRun(input: $input) { run { id owner state steps } userErrors { field message code } } }""";
    static final String CONTROL = """
            mutation($input: ControlTrainingRunInput!) { controlTrainingRun(input: $input) { run { id state } userErrors { field message code } } }""";

    @Test
    void aLearnerControlsHerOwnRunAndNobodyElseCan() {
        cancelActiveRuns(SimulationLabGatewayTests::alice);
        String runId = graphql(alice(), START, Map.of("input", Map.of("layers", 1, "heads", 1, "width", 16, "contextLength", 16,
                "batch", 2, "steps", 2_000, "evalEvery", 1_000, "checkpointEvery", 1_000, "throttleMillis", 200)))
                .body("errors", nullValue())
                .body("data.startTrainingRun.userErrors", empty())
                .body("data.startTrainingRun.run.owner", equalTo(ownerOf(alice())))
                .extract().path("data.startTrainingRun.run.id");

        // erin, another learner, can neither cancel it nor see it
        graphql(erin(), CONTROL, Map.of("input", Map.of("runId", runId, "action", "CANCEL")))
                .body("errors", nullValue())
                .body("data.controlTrainingRun.run", nullValue())
                .body("data.controlTrainingRun.userErrors[0].field", equalTo(List.of("input", "runId")))
                .body("data.controlTrainingRun.userErrors[0].message", equalTo("this run belongs to another learner"));
        graphql(erin(), "query($id: ID!) { trainingRun(id: $id) { id } }", Map.of("id", runId))
                .body("data.trainingRun", nullValue());
        graphql(erin(), """
                query($input: InspectInput!) { inspect(input: $input) { inspection { tokens { id } } userErrors { field code } } }""",
                Map.of("input", Map.of("prompt", "The cat", "runId", runId)))
                .body("data.inspect.userErrors[0].field", equalTo(List.of("input", "runId")));
        graphql(erin(), """
                mutation($input: ComputeLossLandscapeInput!) { computeLossLandscape(input: $input) { job { id } userErrors { field code } } }""",
                Map.of("input", Map.of("size", 3, "runId", runId)))
                .body("data.computeLossLandscape.job", nullValue())
                .body("data.computeLossLandscape.userErrors[0].field", equalTo(List.of("input", "runId")));
        // a guest may not train at all
        graphql(guest(), START, Map.of("input", Map.of())).body("errors[0].extensions.code", equalTo("forbidden"));
        // a second active run of alice's is refused with the simulation's own user error
        graphql(alice(), START, Map.of("input", Map.of()))
                .body("data.startTrainingRun.run", nullValue())
                .body("data.startTrainingRun.userErrors[0].message", equalTo(
                        "this learner already has an active run; finish, pause-and-cancel or wait for it first"));

        // alice sees it and cancels it; bob, an instructor, trains his own
        graphql(alice(), "{ myTrainingRuns { id owner } }", Map.of()).body("data.myTrainingRuns.id", hasItem(runId));
        graphql(alice(), "query($id: ID!) { trainingRun(id: $id) { id steps } }", Map.of("id", runId))
                .body("data.trainingRun.steps", equalTo(2_000));
        graphql(alice(), CONTROL, Map.of("input", Map.of("runId", runId, "action", "CANCEL")))
                .body("errors", nullValue())
                .body("data.controlTrainingRun.userErrors", empty())
                .body("data.controlTrainingRun.run.id", equalTo(runId));
        await().atMost(Duration.ofSeconds(30)).until(() -> "CANCELLED".equals(graphql(alice(),
                "query($id: ID!) { trainingRun(id: $id) { state } }", Map.of("id", runId)).extract().path("data.trainingRun.state")));

        cancelActiveRuns(SimulationLabGatewayTests::bob);
        String bobs = graphql(bob(), START, Map.of("input", Map.of("layers", 1, "heads", 1, "width", 16, "contextLength", 16,
                "batch", 2, "steps", 2_000, "throttleMillis", 200)))
                .body("data.startTrainingRun.userErrors", empty())
                .extract().path("data.startTrainingRun.run.id");
        graphql(bob(), CONTROL, Map.of("input", Map.of("runId", bobs, "action", "CANCEL")))
                .body("data.controlTrainingRun.userErrors", empty());
    }

    static String ownerOf(RequestSpecification who) {
        Map<String, String> viewer = graphql(who, "{ viewer { id tenant } }", Map.of()).extract().path("data.viewer");
        return viewer.get("tenant") + "/" + viewer.get("id");
    }

    static void cancelActiveRuns(Supplier<RequestSpecification> who) {
        List<Map<String, Object>> runs = graphql(who.get(), "{ myTrainingRuns { id state } }", Map.of()).extract().path("data.myTrainingRuns");
        for (Map<String, Object> run : runs) {
            if (List.of("QUEUED", "RUNNING", "PAUSED").contains(run.get("state"))) {
                graphql(who.get(), CONTROL, Map.of("input", Map.of("runId", run.get("id"), "action", "CANCEL")));
            }
        }
    }
}
