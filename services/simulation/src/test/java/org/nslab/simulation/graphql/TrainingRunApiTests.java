package org.nslab.simulation.graphql;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nslab.events.EventCodec;
import org.nslab.events.RunState;
import org.nslab.events.Topics;
import org.nslab.events.TrainingProgressed;
import org.nslab.testing.TestServers;
import org.nslab.testing.TestServersResource;
import org.nslab.testing.Tokens;

@QuarkusTest
@WithTestResource(TestServersResource.class)
class TrainingRunApiTests {

    private static final String TINY = "layers: 1, heads: 1, width: 16, contextLength: 16, batch: 4";
    private static final String RUN = "run { id state step steps queuePosition bestValidationLoss checkpoints { step validationLoss } }";
    private static String token;

    @BeforeEach
    void token() {
        if (token == null) {
            token = Tokens.forClient("nslab-gateway", "dev-only-gateway-secret");
        }
    }

    @Test
    void aRunTrainsToTheEndWithCheckpointsThatCanBeInspectedAndPublishesItsProgressOnKafka() {
        String owner = "demo-university/" + UUID.randomUUID();
        String id = graphql("mutation { startTrainingRun(owner: \"" + owner + "\", input: {" + TINY
                + ", steps: 30, evalEvery: 10, checkpointEvery: 10}) { " + RUN + " userErrors { field message } } }")
                .body("data.startTrainingRun.userErrors", empty())
                .extract().path("data.startTrainingRun.run.id");

        awaitState(id, "COMPLETED");
        ValidatableResponse run = graphql("query { trainingRun(id: \"" + id + "\") { state step bestValidationLoss checkpoints { step } } }")
                .body("data.trainingRun.step", equalTo(30))
                .body("data.trainingRun.checkpoints.step", equalTo(List.of(10, 20, 30)));
        float best = run.extract().path("data.trainingRun.bestValidationLoss");
        assertTrue(best < Math.log(1024) - 0.2, "best validation loss " + best);

        graphql("query { inspect(input: {prompt: \"The jury said\", runId: \"" + id + "\", checkpointStep: 20}) {"
                + " inspection { attention { head } logitLens { probability } } userErrors { field } } }")
                .body("data.inspect.userErrors", empty())
                .body("data.inspect.inspection.attention", hasSize(1))
                .body("data.inspect.inspection.logitLens", hasSize(1));
        graphql("query { inspect(input: {prompt: \"The jury said\", runId: \"" + id + "\", checkpointStep: 15}) {"
                + " inspection { layer } userErrors { field } } }")
                .body("data.inspect.userErrors[0].field", equalTo(List.of("input", "checkpointStep")));

        String job = graphql("mutation { computeLossLandscape(size: 3, radius: 0.5, runId: \"" + id + "\") { job { id } userErrors { field } } }")
                .body("data.computeLossLandscape.userErrors", empty())
                .extract().path("data.computeLossLandscape.job.id");
        await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(
                graphql("query { lossLandscapeJob(id: \"" + job + "\") { state } }").extract().path("data.lossLandscapeJob.state")));
        ValidatableResponse landscape = graphql("query { lossLandscapeJob(id: \"" + job + "\") { runId trajectory { step alpha beta } } }")
                .body("data.lossLandscapeJob.runId", equalTo(id))
                .body("data.lossLandscapeJob.trajectory.step", equalTo(List.of(10, 20, 30)));
        float lastAlpha = landscape.extract().path("data.lossLandscapeJob.trajectory[2].alpha");
        assertEquals(0.0, lastAlpha, 1e-4, "the latest checkpoint is the centre of the slice");

        List<TrainingProgressed> events = progressOf(UUID.fromString(id), 33);
        assertTrue(events.stream().anyMatch(e -> e.state() == RunState.COMPLETED));
        assertTrue(events.stream().anyMatch(e -> e.step() == 30 && e.trainLoss() != null && e.layerGradientNorms().size() == 1));
    }

    @Test
    void aPausedRunStepsOnDemandResumesAndCanBeCancelledOnlyByItsOwner() {
        String owner = "demo-university/" + UUID.randomUUID();
        String id = graphql("mutation { startTrainingRun(owner: \"" + owner + "\", input: {" + TINY
                + ", steps: 3000, throttleMillis: 20}) { run { id } } }").extract().path("data.startTrainingRun.run.id");
        await().atMost(Duration.ofSeconds(60)).until(() -> step(id) >= 3);

        graphql("mutation { startTrainingRun(owner: \"" + owner + "\", input: {" + TINY + "}) { run { id } userErrors { field message } } }")
                .body("data.startTrainingRun.run", nullValue())
                .body("data.startTrainingRun.userErrors[0].field", equalTo(List.of("input", "owner")));
        control(owner, id, "PAUSE", 1).body("data.controlTrainingRun.userErrors", empty());
        awaitState(id, "PAUSED");
        int paused = step(id);
        control(owner, id, "STEP", 5).body("data.controlTrainingRun.userErrors", empty());
        await().atMost(Duration.ofSeconds(30)).until(() -> "PAUSED".equals(state(id)) && step(id) == paused + 5);

        control("other-college/mallory", id, "CANCEL", 1)
                .body("data.controlTrainingRun.userErrors[0].message", equalTo("this run belongs to another learner"));
        control(owner, id, "RESUME", 1).body("data.controlTrainingRun.userErrors", empty());
        await().atMost(Duration.ofSeconds(30)).until(() -> state(id) + " at " + step(id),
                s -> s.startsWith("RUNNING") && Integer.parseInt(s.substring(s.lastIndexOf(' ') + 1)) > paused + 5);
        control(owner, id, "CANCEL", 1).body("data.controlTrainingRun.userErrors", empty());
        awaitState(id, "CANCELLED");
        control(owner, id, "RESUME", 1).body("data.controlTrainingRun.userErrors[0].field", equalTo(List.of("input", "action")));
    }

    @Test
    void settingsOutOfRangeAreUserErrorsNamingEachField() {
        graphql("mutation { startTrainingRun(owner: \"demo-university/x\", input: {heads: 3, width: 64, steps: 999999, "
                + "learningRate: 5}) { run { id } userErrors { field message } } }")
                .body("data.startTrainingRun.run", nullValue())
                .body("data.startTrainingRun.userErrors.field", hasItem(List.of("input", "heads")))
                .body("data.startTrainingRun.userErrors.field", hasItem(List.of("input", "steps")))
                .body("data.startTrainingRun.userErrors.field", hasItem(List.of("input", "learningRate")));
        graphql("mutation { startTrainingRun(owner: \"demo-university/y\", input: {layers: 8, width: 256, contextLength: 256}) "
                + "{ run { id } userErrors { field message } } }")
                .body("data.startTrainingRun.userErrors", hasSize(1))
                .body("data.startTrainingRun.userErrors[0].field", equalTo(List.of("input", "width")));
    }

    private static void awaitState(String id, String state) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).until(() -> state.equals(state(id)));
    }

    private static String state(String id) {
        return graphql("query { trainingRun(id: \"" + id + "\") { state } }").extract().path("data.trainingRun.state");
    }

    private static int step(String id) {
        return graphql("query { trainingRun(id: \"" + id + "\") { step } }").extract().path("data.trainingRun.step");
    }

    private static ValidatableResponse control(String owner, String id, String action, int steps) {
        return graphql("mutation { controlTrainingRun(owner: \"" + owner + "\", runId: \"" + id + "\", action: " + action
                + ", steps: " + steps + ") { run { state } userErrors { field message } } }");
    }

    private static ValidatableResponse graphql(String query) {
        return given().contentType(ContentType.JSON).auth().oauth2(token)
                .body(Map.of("query", query)).post("/graphql").then().statusCode(200);
    }

    private static List<TrainingProgressed> progressOf(UUID runId, int atLeast) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafkaBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "training-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<TrainingProgressed> events = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(Topics.TRAINING_PROGRESSED));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline && events.size() < atLeast) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key().equals(runId.toString())) {
                        events.add(EventCodec.decodeTrainingProgressed(record.value()));
                    }
                }
            }
        }
        assertEquals(runId.toString(), events.isEmpty() ? runId.toString() : events.get(0).key());
        return events;
    }
}
