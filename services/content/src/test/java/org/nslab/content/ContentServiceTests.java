package org.nslab.content;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nslab.content.course.Course;
import org.nslab.content.course.CourseSource;
import org.nslab.content.repository.ReleaseRepository;
import org.nslab.content.repository.ReleaseRepository.ImportOutcome;
import org.nslab.content.service.ContentImporter;
import org.nslab.content.service.ReleaseRows;
import org.nslab.events.ContentReleasePublished;
import org.nslab.events.EventCodec;
import org.nslab.events.Topics;
import org.nslab.testing.ServiceBasicsContract;
import org.nslab.testing.TestServers;
import org.nslab.testing.TestServersResource;
import org.nslab.testing.Tokens;

@QuarkusTest
@WithTestResource(TestServersResource.class)
class ContentServiceTests extends ServiceBasicsContract {

    private static final String COURSE = """
            query($input: CourseInput) { course(input: $input) {
              course { release { id active defaultLocale } locale
                stations { id order title icon position { x y z } next stageId complexity duration cost description
                           sources { id where } }
                branches { id atStationId rejoinsStationId options { id title } }
                stages { id title quizId components { id title quizId microscopeComponentIds } }
                components { id title description quizId }
                chapters { id narration } experiments { id simulationQuery }
                paths { id totalMinutes minMinutes maxMinutes steps { kind targetId minutes } }
                glossary { id term definition } quizzes { id targetKind targetId questionCount } }
              userErrors { field message code } } }""";

    private static String serviceToken;

    @Inject
    ContentImporter importer;

    @Inject
    ReleaseRepository releases;

    @BeforeAll
    static void token() {
        serviceToken = Tokens.forClient("nslab-gateway", "dev-only-gateway-secret");
    }

    @Override
    protected String[] readinessChecks() {
        return new String[] {"Database connections health check"};
    }

    @Test
    void servesTheSixStationsInPipelineOrderWithTheirSourcedFigures() {
        course(Map.of())
                .body("data.course.userErrors", hasSize(0))
                .body("data.course.course.stations.id", equalTo(List.of("data-collection", "data-processing", "architecture",
                        "training", "evaluation", "deployment")))
                .body("data.course.course.stations[3].duration", containsString("21 days"))
                .body("data.course.course.stations[3].sources.id", hasItem("touvron2023a"))
                .body("data.course.course.stations[3].complexity", equalTo(5))
                .body("data.course.course.stations[0].next", equalTo(List.of("data-processing")))
                .body("data.course.course.stations[0].description", containsString("LLaMA"))
                .body("data.course.course.branches.id", equalTo(List.of("dense-vs-moe", "pretrain-vs-finetune")));
    }

    @Test
    void everyStageAndComponentNamesItsQuizButNoQuestionOrAnswerIsServed() {
        course(Map.of())
                .body("data.course.course.stages", hasSize(5))
                .body("data.course.course.stages.quizId", everyItem(startsWith("quiz-stage-")))
                .body("data.course.course.stages.flatten().components.flatten().quizId", everyItem(startsWith("quiz-component-")))
                .body("data.course.course.components.id", equalTo(List.of("normalization", "attention", "feed-forward",
                        "residual-stream", "positions")))
                .body("data.course.course.quizzes.find { it.id == 'quiz-component-attention' }.questionCount", equalTo(2));
        given().get("/graphql/schema.graphql").then().statusCode(200)
                .body(not(containsString("answer"))).body(not(containsString("explanation")));
    }

    @Test
    void learningPathsAddUpToTheirLevelsDuration() {
        course(Map.of())
                .body("data.course.course.paths.id", equalTo(List.of("beginner", "intermediate", "advanced")))
                .body("data.course.course.paths[0].totalMinutes", equalTo(28))
                .body("data.course.course.paths[2].totalMinutes", equalTo(245))
                .body("data.course.course.paths[2].steps[0].kind", equalTo("level"));
    }

    @Test
    void anUntranslatedLocaleFallsBackToEnglish() {
        course(Map.of("locale", "de-AT"))
                .body("data.course.course.locale", equalTo("de-AT"))
                .body("data.course.course.stations[0].title", equalTo("Data collection"))
                .body("data.course.course.glossary.find { it.id == 'token' }.definition", startsWith("The unit a language model"));
    }

    @Test
    void badLocaleAndUnknownReleaseAreUserErrors() {
        course(Map.of("locale", "english"))
                .body("data.course.course", nullValue())
                .body("data.course.userErrors[0].field", equalTo(List.of("input", "locale")))
                .body("data.course.userErrors[0].code", equalTo("INVALID_LOCALE"));
        course(Map.of("releaseId", "0000000000000000"))
                .body("data.course.userErrors[0].code", equalTo("UNKNOWN_RELEASE"));
    }

    @Test
    void itemsAreLookedUpInOneCallWithUnknownOnesMarked() {
        String query = """
                query($input: ContentItemsInput!) { contentItems(input: $input) { items { kind id found title level } userErrors { code field } } }""";
        graphql(serviceToken, query, Map.of("input", Map.of("refs", List.of(
                Map.of("kind", "component", "id", "attention"), Map.of("kind", "station", "id", "nowhere"),
                Map.of("kind", "component", "id", "tokenization")))))
                .body("data.contentItems.items.found", equalTo(List.of(true, false, true)))
                .body("data.contentItems.items[0].title", equalTo("Multi-head self-attention"))
                .body("data.contentItems.items[0].level", equalTo(3))
                .body("data.contentItems.items[2].level", equalTo(2));
        graphql(serviceToken, query, Map.of("input", Map.of("refs", List.of(Map.of("kind", "planet", "id", "x")))))
                .body("data.contentItems.userErrors[0].code", equalTo("UNKNOWN_KIND"))
                .body("data.contentItems.userErrors[0].field", equalTo(List.of("input", "refs", "0", "kind")));
    }

    @Test
    void importingIsIdempotentAndANewReleaseBecomesActiveWhileTheOldStaysReadable() {
        Course packed = Course.read(CourseSource.classpath());
        String original = packed.releaseId();
        int before = releases.all().size();
        assertEquals(ImportOutcome.ALREADY_PRESENT, importer.importRows(ReleaseRows.of(packed)));
        assertEquals(before, releases.all().size());

        ObjectNode changedDoc = packed.document().deepCopy();
        ((ObjectNode) changedDoc.path("stations").path("stations").get(0).path("title")).put("en", "Gathering data");
        Course changed = new Course(changedDoc, packed.files(), packed.prose(), "test" + Long.toHexString(System.nanoTime()));
        try {
            assertEquals(ImportOutcome.IMPORTED, importer.importRows(ReleaseRows.of(changed)));
            course(Map.of()).body("data.course.course.release.id", equalTo(changed.releaseId()))
                    .body("data.course.course.stations[0].title", equalTo("Gathering data"));
            course(Map.of("releaseId", original)).body("data.course.course.stations[0].title", equalTo("Data collection"))
                    .body("data.course.course.release.active", equalTo(false));
        } finally {
            importer.importRows(ReleaseRows.of(packed));
        }
        course(Map.of()).body("data.course.course.release.id", equalTo(original));
        assertNotEquals(original, changed.releaseId());

        // Each change of the active release is announced, in order: the new one, then the packed one again.
        List<ContentReleasePublished> published = releaseEvents(e -> e.releaseId().equals(changed.releaseId())
                || changed.releaseId().equals(e.previousId()), 2);
        assertEquals(List.of(changed.releaseId(), original), published.stream().map(ContentReleasePublished::releaseId).toList());
        assertEquals(List.of(original, changed.releaseId()), published.stream().map(ContentReleasePublished::previousId).toList());
        assertEquals("course", published.get(0).key());
    }

    @Test
    void theCourseModelCarriesQuizKeysOnlyForTheGrader() {
        String query = """
                query($input: CourseModelInput) { courseModel(input: $input) { release { id active } document userErrors { field code } } }""";
        ValidatableResponse plain = graphql(serviceToken, query, Map.of("input", Map.of()))
                .body("data.courseModel.userErrors", hasSize(0))
                .body("data.courseModel.release.active", equalTo(true));
        JsonPath document = new JsonPath(plain.extract().<String>path("data.courseModel.document"));
        assertEquals(List.of("data-collection", "data-processing", "architecture", "training", "evaluation", "deployment"),
                document.getList("stations.stations.id"));
        assertEquals(2, document.getInt("quizzes.flatten().quizzes.flatten().find { it.id == 'quiz-component-attention' }.questionCount"));
        assertTrue(document.getList("quizzes.flatten().quizzes.flatten().questions").stream().allMatch(q -> q == null));

        graphql(serviceToken, query, Map.of("input", Map.of("withQuestions", true)))
                .body("data.courseModel.document", nullValue())
                .body("data.courseModel.userErrors[0].code", equalTo("FORBIDDEN"))
                .body("data.courseModel.userErrors[0].field", equalTo(List.of("input", "withQuestions")));

        String grader = Tokens.forClient("nslab-quiz", "dev-only-quiz-secret");
        JsonPath keyed = new JsonPath(graphql(grader, query, Map.of("input", Map.of("withQuestions", true)))
                .body("data.courseModel.userErrors", hasSize(0)).extract().<String>path("data.courseModel.document"));
        assertEquals("a", keyed.getString("quizzes.flatten().quizzes.flatten().questions.flatten().find { it.id == 'data-why-dedup' }.answer"));
        graphql(serviceToken, query, Map.of("input", Map.of("releaseId", "0000000000000000")))
                .body("data.courseModel.userErrors[0].code", equalTo("UNKNOWN_RELEASE"));
    }

    @Test
    void onlyPlatformServicesMayRead() {
        graphql(Tokens.forUser("alice", "alice-demo"), COURSE, Map.of())
                .body("data", nullValue()).body("errors[0].extensions.code", equalTo("forbidden"));
        graphql(null, COURSE, Map.of())
                .body("data", nullValue()).body("errors[0].extensions.code", equalTo("unauthorized"));
    }

    @Test
    void theTestServersAreTheOnesConfigured() {
        assertNotEquals(0, TestServers.pgPort());
        given().get("/q/health/ready").then().body("checks.name", hasItem(notNullValue()));
    }

    private static List<ContentReleasePublished> releaseEvents(Predicate<ContentReleasePublished> wanted, int count) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafkaBootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "content-test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ContentReleasePublished> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.CONTENT_RELEASE_PUBLISHED));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline && found.size() < count) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    ContentReleasePublished event = EventCodec.decodeContentReleasePublished(r.value());
                    assertEquals(event.key(), r.key());
                    if (wanted.test(event)) {
                        found.add(event);
                    }
                }
            }
        }
        assertEquals(count, found.size(), "release events: " + found);
        return found;
    }

    private static ValidatableResponse course(Map<String, String> input) {
        return graphql(serviceToken, COURSE, Map.of("input", input));
    }

    private static ValidatableResponse graphql(String token, String query, Map<String, ?> variables) {
        var request = given().contentType(ContentType.JSON);
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        return request.body(Map.of("query", query, "variables", variables)).when().post("/graphql").then().statusCode(200);
    }
}
