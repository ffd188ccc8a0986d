package org.nslab.quiz;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nslab.events.ActorKey;
import org.nslab.events.EventCodec;
import org.nslab.events.InvalidEventException;
import org.nslab.events.LearningEventRecorded.ActivityObject;
import org.nslab.events.LearningEventRecorded.Actor;
import org.nslab.events.LearningEventRecorded.ActorKind;
import org.nslab.events.LearningEventRecorded.ObjectType;
import org.nslab.events.LearningEventRecorded.Statement;
import org.nslab.events.LearningVerb;
import org.nslab.events.QuizAttemptGraded;
import org.nslab.events.TargetKind;
import org.nslab.events.Topics;
import org.nslab.quiz.repository.AttemptRepository;
import org.nslab.quiz.repository.AttemptRepository.AttemptRow;
import org.nslab.quiz.service.AttemptStore;
import org.nslab.testing.PackagedContent;
import org.nslab.testing.PackagedContentResource;
import org.nslab.testing.ServiceBasicsContract;
import org.nslab.testing.TestServers;
import org.nslab.testing.TestServersResource;
import org.nslab.testing.Tokens;

@QuarkusTest
@WithTestResource(TestServersResource.class)
@WithTestResource(PackagedContentResource.class)
@WithTestResource(SimulationServer.class)
class QuizServiceTests extends ServiceBasicsContract {

    private static final String SUBMIT = """
            mutation($input: SubmitQuizAnswerInput!) { submitQuizAnswer(input: $input) {
              attempt { id quizId questionId attemptNumber correct score response message explanation correctAnswer attemptsLeft }
              userErrors { field message code } } }""";
    private static final String QUIZZES = """
            query($input: QuizzesInput!) { quizzes(input: $input) {
              quizzes { id targetKind targetId level passScore solvedCount mastery mastered
                        questions { id type prompt options { id text } unit maxAttempts attemptsUsed solved } }
              userErrors { field code } } }""";
    private static final String ATTEMPT = """
            query($input: QuizAttemptInput!) { quizAttempt(input: $input) { attempt { id correct } userErrors { field code } } }""";

    private static String serviceToken;

    @Inject
    AttemptStore store;

    @Inject
    AttemptRepository attempts;

    @ConfigProperty(name = "nslab.simulation.url")
    String simulationUrl;

    @BeforeAll
    static void token() {
        serviceToken = Tokens.forClient("nslab-gateway", "dev-only-gateway-secret");
    }

    @Override
    protected String[] readinessChecks() {
        return new String[] {"Database connections health check", "content release"};
    }

    @Test
    void aQuizComesWithoutAnswersAndWithTheLearnersState() {
        Map<String, Object> actor = actor();
        quizzes(actor, List.of("quiz-journey-map", "quiz-component-attention"))
                .body("data.quizzes.userErrors", hasSize(0))
                .body("data.quizzes.quizzes[0].questions[0].type", equalTo("ORDERING"))
                .body("data.quizzes.quizzes[0].questions[0].options", hasSize(6))
                .body("data.quizzes.quizzes[0].questions[0].options.id", not(equalTo(List.of("data-collection", "data-processing",
                        "architecture", "training", "evaluation", "deployment"))))
                .body("data.quizzes.quizzes[1].level", equalTo(3))
                .body("data.quizzes.quizzes[1].mastered", equalTo(false));
        String schema = given().get("/graphql/schema.graphql").then().statusCode(200).extract().asString();
        for (String type : List.of("type Quiz {", "type QuizQuestion {", "type QuizOption {")) {
            String block = schema.substring(schema.indexOf(type), schema.indexOf("}", schema.indexOf(type)));
            assertTrue(List.of("answer:", "correctAnswer:", "explanation:", "key:").stream().noneMatch(block::contains), block);
        }
        quizzes(actor, List.of("quiz-nowhere")).body("data.quizzes.userErrors[0].code", equalTo("UNKNOWN_QUIZ"))
                .body("data.quizzes.userErrors[0].field", equalTo(List.of("input", "quizIds", "0")));
    }

    @Test
    void aCorrectAnswerIsStoredPublishedAndExplainedAndMasteryFollows() {
        Map<String, Object> actor = actor();
        String id = submit(actor, "attn-scale", Map.of("choiceId", "a"))
                .body("data.submitQuizAnswer.userErrors", hasSize(0))
                .body("data.submitQuizAnswer.attempt.correct", equalTo(true))
                .body("data.submitQuizAnswer.attempt.attemptNumber", equalTo(1))
                .body("data.submitQuizAnswer.attempt.explanation", containsString("1/√d_k"))
                .body("data.submitQuizAnswer.attempt.correctAnswer", equalTo("a"))
                .extract().path("data.submitQuizAnswer.attempt.id");
        submit(actor, "attn-causal", Map.of("choiceIds", List.of("p1", "p2", "p3"))).body("data.submitQuizAnswer.attempt.correct", equalTo(true));
        quizzes(actor, List.of("quiz-component-attention"))
                .body("data.quizzes.quizzes[0].solvedCount", equalTo(2))
                .body("data.quizzes.quizzes[0].mastered", equalTo(true));

        QuizAttemptGraded event = awaitEvent(UUID.fromString(id));
        assertEquals(new ActorKey((String) actor.get("tenant"), (String) actor.get("id")), event.key());
        assertEquals("quiz-component-attention", event.quizId());
        assertEquals(2, event.questionCount());
        assertEquals(Boolean.TRUE, event.statement().result().success());
        assertEquals("attn-scale", event.statement().object().id());
        assertEquals(3, event.statement().context().level());
    }

    @Test
    void aWrongAnswerKeepsTheKeyHiddenUntilTheAttemptsAreUsedThenTheLimitIsAUserError() {
        Map<String, Object> actor = actor();
        submit(actor, "eval-overfit", Map.of("choiceId", "b"))
                .body("data.submitQuizAnswer.attempt.correct", equalTo(false))
                .body("data.submitQuizAnswer.attempt.attemptsLeft", equalTo(2))
                .body("data.submitQuizAnswer.attempt.explanation", nullValue())
                .body("data.submitQuizAnswer.attempt.correctAnswer", nullValue());
        submit(actor, "eval-overfit", Map.of("choiceId", "c")).body("data.submitQuizAnswer.attempt.attemptsLeft", equalTo(1));
        submit(actor, "eval-overfit", Map.of("choiceId", "b"))
                .body("data.submitQuizAnswer.attempt.attemptsLeft", equalTo(0))
                .body("data.submitQuizAnswer.attempt.correctAnswer", equalTo("a"))
                .body("data.submitQuizAnswer.attempt.explanation", notNullValue());
        submit(actor, "eval-overfit", Map.of("choiceId", "a"))
                .body("data.submitQuizAnswer.attempt", nullValue())
                .body("data.submitQuizAnswer.userErrors[0].code", equalTo("ATTEMPT_LIMIT_REACHED"))
                .body("data.submitQuizAnswer.userErrors[0].field", equalTo(List.of("input", "questionId")));
    }

    @Test
    void wrongAnswerTypesAndUnknownQuestionsAreUserErrorsAndCountNoAttempt() {
        Map<String, Object> actor = actor();
        submit(actor, "attn-scale", Map.of("number", 2.0))
                .body("data.submitQuizAnswer.userErrors[0].code", equalTo("WRONG_ANSWER_TYPE"))
                .body("data.submitQuizAnswer.userErrors[0].field", equalTo(List.of("input", "answer", "choiceId")));
        submit(actor, "no-such-question", Map.of("choiceId", "a"))
                .body("data.submitQuizAnswer.userErrors[0].code", equalTo("UNKNOWN_QUESTION"));
        submit(actor, "attn-scale", Map.of("choiceId", "a")).body("data.submitQuizAnswer.attempt.attemptNumber", equalTo(1));
    }

    @Test
    void anotherLearnersAttemptIsRefused() {
        Map<String, Object> owner = actor();
        String id = submit(owner, "eval-overfit", Map.of("choiceId", "a")).extract().path("data.submitQuizAnswer.attempt.id");
        attempt(owner, id).body("data.quizAttempt.attempt.correct", equalTo(true));
        attempt(actor(), id)
                .body("data.quizAttempt.attempt", nullValue())
                .body("data.quizAttempt.userErrors[0].code", equalTo("NOT_YOUR_ATTEMPT"));
    }

    @Test
    void theComputeOptimalHandsOnQuestionIsCheckedAgainstTheSimulationWithinTenPercent() {
        double truth = simulation("{ computeOptimal(computeFlops: 1.0e21) { allocations { method parameters } } }")
                .getList("data.computeOptimal.allocations.findAll { it.method.contains('Chinchilla') }.parameters", Double.class).get(0);
        Map<String, Object> actor = actor();
        submit(actor, "budget-optimal-size-1e21", Map.of("number", truth * 1.2))
                .body("data.submitQuizAnswer.attempt.correct", equalTo(false));
        submit(actor, "budget-optimal-size-1e21", Map.of("number", truth * 1.08))
                .body("data.submitQuizAnswer.attempt.correct", equalTo(true))
                .body("data.submitQuizAnswer.attempt.correctAnswer", notNullValue());
    }

    @Test
    void theMinimumWordCountHandsOnQuestionIsCheckedAgainstThePipelineOverTheCorpus() {
        // The true threshold: the largest minWords at which no news document is removed as too short.
        int low = 500;
        int high = 5_000;
        while (low < high) {
            int mid = (low + high + 1) / 2;
            if (keepsEveryNewsDocument(mid)) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        int threshold = low;
        assertTrue(threshold > 100, "news samples are about 2,000 words long, got " + threshold);
        Map<String, Object> actor = actor();
        submit(actor, "filters-largest-min-words", Map.of("number", 50)).body("data.submitQuizAnswer.attempt.correct", equalTo(false));
        submit(actor, "filters-largest-min-words", Map.of("number", threshold + 1)).body("data.submitQuizAnswer.attempt.correct", equalTo(false));
        submit(actor, "filters-largest-min-words", Map.of("number", threshold - 20)).body("data.submitQuizAnswer.attempt.correct", equalTo(true));
    }

    @Test
    void anAttemptWhoseEventBreaksTheContractIsNotStoredEither() {
        UUID id = UUID.randomUUID();
        Actor actor = new Actor("learner-" + UUID.randomUUID(), ActorKind.LEARNER, "demo-university");
        AttemptRow row = new AttemptRow(id, "demo-university/" + actor.id(), actor.id(), "LEARNER", "demo-university", "quiz-stage-data",
                "data-why-dedup", 1, "a", true, 1, "0123456789abcdef", Instant.now());
        Statement statement = new Statement(actor, LearningVerb.ANSWERED.toStatementVerb(),
                new ActivityObject("data-why-dedup", ObjectType.QUESTION, null), null, null, Instant.now());
        QuizAttemptGraded broken = new QuizAttemptGraded(id, Instant.now(), 1, ActorKey.parse(row.actorKey()), statement, "quiz-stage-data",
                0, 0.6, TargetKind.STAGE, "data", 1, "0123456789abcdef"); // questionCount 0 breaks the contract
        assertThrows(InvalidEventException.class, () -> store.store(row, broken));
        assertTrue(attempts.find(id).isEmpty());
    }

    @Test
    void aContentReleaseWithAnotherKeyChangesGradingWithoutARebuildAndTheAttemptNamesItsRelease() throws Exception {
        String packed = PackagedContentResource.releaseInUse();
        assertNotNull(packed, "a release is loaded once the service is ready");
        submit(actor(), "data-why-dedup", Map.of("choiceId", "b")).body("data.submitQuizAnswer.attempt.correct", equalTo(false));

        Path changed = PackagedContent.courseCopy(PackagedContentResource.WORK.resolve("course-" + UUID.randomUUID()), Map.of(
                "quizzes/stages.yaml", yaml -> yaml.replaceFirst("(?s)(id: data-why-dedup.*?answer: )a", "$1b")));
        try {
            PackagedContent.publish(PackagedContentResource.WORK, changed);
            String release = PackagedContentResource.awaitReleaseOtherThan(packed);
            Map<String, Object> learner = actor();
            String id = submit(learner, "data-why-dedup", Map.of("choiceId", "b"))
                    .body("data.submitQuizAnswer.userErrors", hasSize(0))
                    .body("data.submitQuizAnswer.attempt.correct", equalTo(true))
                    .body("data.submitQuizAnswer.attempt.correctAnswer", equalTo("b"))
                    .extract().path("data.submitQuizAnswer.attempt.id");
            submit(actor(), "data-why-dedup", Map.of("choiceId", "a")).body("data.submitQuizAnswer.attempt.correct", equalTo(false));
            assertEquals(release, attempts.find(UUID.fromString(id)).orElseThrow().releaseId());
            assertEquals(release, awaitEvent(UUID.fromString(id)).releaseId());
        } finally {
            PackagedContent.publish(PackagedContentResource.WORK, null);
        }
        PackagedContentResource.awaitRelease(packed);
        submit(actor(), "data-why-dedup", Map.of("choiceId", "b")).body("data.submitQuizAnswer.attempt.correct", equalTo(false));
        submit(actor(), "data-why-dedup", Map.of("choiceId", "a")).body("data.submitQuizAnswer.attempt.correct", equalTo(true));
    }

    @Test
    void onlyPlatformServicesMayCall() {
        given().contentType(ContentType.JSON).auth().oauth2(Tokens.forUser("alice", "alice-demo"))
                .body(Map.of("query", QUIZZES, "variables", Map.of("input", Map.of("actor", actor(), "quizIds", List.of("quiz-journey-map")))))
                .post("/graphql").then().statusCode(200).body("errors[0].extensions.code", equalTo("forbidden"));
    }

    private boolean keepsEveryNewsDocument(int minWords) {
        List<Map<String, Object>> docs = simulation("{ dataPipeline(quality: true, minWords: " + minWords
                + ", redactPii: false, deduplicate: false) { documents { category reasons } } }").getList("data.dataPipeline.documents");
        return docs.stream().filter(d -> d.get("category").equals("news"))
                .noneMatch(d -> d.get("reasons") != null && ((List<?>) d.get("reasons")).contains("too-short"));
    }

    private JsonPath simulation(String query) {
        return given().contentType(ContentType.JSON).auth().oauth2(Tokens.forClient("nslab-quiz", "dev-only-quiz-secret"))
                .body(Map.of("query", query)).post(simulationUrl + "/graphql").then().statusCode(200).extract().jsonPath();
    }

    private static QuizAttemptGraded awaitEvent(UUID id) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafkaBootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "quiz-test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.QUIZ_ATTEMPT_GRADED));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            List<QuizAttemptGraded> seen = new ArrayList<>();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    QuizAttemptGraded event = EventCodec.decodeQuizAttemptGraded(r.value());
                    if (event.id().equals(id)) {
                        assertEquals(event.key().toString(), r.key());
                        return event;
                    }
                    seen.add(event);
                }
            }
            throw new AssertionError("no event " + id + " on " + Topics.QUIZ_ATTEMPT_GRADED + " within 30 s (" + seen.size() + " others)");
        }
    }

    private static Map<String, Object> actor() {
        return Map.of("id", "learner-" + UUID.randomUUID(), "kind", "LEARNER", "tenant", "demo-university");
    }

    private static ValidatableResponse submit(Map<String, Object> actor, String questionId, Map<String, Object> answer) {
        return graphql(SUBMIT, Map.of("input", Map.of("actor", actor, "questionId", questionId, "answer", answer)));
    }

    private static ValidatableResponse quizzes(Map<String, Object> actor, List<String> ids) {
        return graphql(QUIZZES, Map.of("input", Map.of("actor", actor, "quizIds", ids)));
    }

    private static ValidatableResponse attempt(Map<String, Object> actor, String id) {
        return graphql(ATTEMPT, Map.of("input", Map.of("actor", actor, "attemptId", id)));
    }

    private static ValidatableResponse graphql(String query, Map<String, Object> variables) {
        return given().contentType(ContentType.JSON).auth().oauth2(serviceToken)
                .body(Map.of("query", query, "variables", variables)).when().post("/graphql").then().statusCode(200);
    }
}
