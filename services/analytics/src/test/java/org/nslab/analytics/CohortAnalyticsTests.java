package org.nslab.analytics;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nslab.events.ActorKey;
import org.nslab.events.EventCodec;
import org.nslab.events.GuestProgressMerged;
import org.nslab.events.LearningEventRecorded;
import org.nslab.events.LearningEventRecorded.ActivityObject;
import org.nslab.events.LearningEventRecorded.Actor;
import org.nslab.events.LearningEventRecorded.ActorKind;
import org.nslab.events.LearningEventRecorded.Context;
import org.nslab.events.LearningEventRecorded.ObjectType;
import org.nslab.events.LearningEventRecorded.Result;
import org.nslab.events.LearningEventRecorded.Statement;
import org.nslab.events.LearningVerb;
import org.nslab.events.MilestoneKind;
import org.nslab.events.MilestoneReached;
import org.nslab.events.QuizAttemptGraded;
import org.nslab.events.TargetKind;
import org.nslab.events.Topics;
import org.nslab.testing.TestServers;
import org.nslab.testing.TestServersResource;
import org.nslab.testing.Tokens;

/**
 * Cohorts, scoped metrics and exports. Viewers are read from real Keycloak tokens the way the gateway
 * reads them (subject, /tenants/ group, realm roles) and passed with the gateway's service token.
 */
@QuarkusTest
@WithTestResource(TestServersResource.class)
class CohortAnalyticsTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String METRICS = """
            query($input: LearningMetricsInput!) { learningMetrics(input: $input) {
              metrics { learners sessions averageSessionSeconds levelsPerLearner completionRate returnRate
                        comprehension { targetKind targetId learners meanMastery }
                        items { questionId attempts firstAttempts firstAttemptCorrectRate commonWrongAnswers { response count } }
                        dropOff { objectId level learners } }
              userErrors { field code message } } }""";
    private static final String CREATE = """
            mutation($input: CreateCohortInput!) { createCohort(input: $input) {
              cohort { id tenant course name instructorKeys learnerKeys } userErrors { field code } } }""";
    private static final String ENROL = """
            mutation($input: EnrolInCohortInput!) { enrolInCohort(input: $input) {
              cohort { id learnerKeys } userErrors { field code } } }""";

    /** Numbers as doubles, so that fractional metrics compare exactly. */
    private static final io.restassured.config.RestAssuredConfig DOUBLES = io.restassured.config.RestAssuredConfig.config().jsonConfig(
            io.restassured.config.JsonConfig.jsonConfig().numberReturnType(io.restassured.path.json.config.JsonPathConfig.NumberReturnType.DOUBLE));

    private static KafkaProducer<String, String> producer;
    private static String serviceToken;
    private static Map<String, Object> bob;
    private static Map<String, Object> carol;
    private static Map<String, Object> alice;
    private static Map<String, Object> frank;

    @BeforeAll
    static void setUp() throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafkaBootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
        serviceToken = Tokens.forClient("nslab-gateway", "dev-only-gateway-secret");
        bob = viewer(Tokens.forUser("bob", "bob-demo"));
        carol = viewer(Tokens.forUser("carol", "carol-demo"));
        alice = viewer(Tokens.forUser("alice", "alice-demo"));
        frank = viewer(Tokens.forUser("frank", "frank-demo"));
    }

    @AfterAll
    static void close() {
        producer.close();
    }

    /** What the gateway derives from a verified token. */
    static Map<String, Object> viewer(String token) throws Exception {
        JsonNode claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
        String tenant = "default";
        for (JsonNode group : claims.path("groups")) {
            if (group.asText().startsWith("/tenants/")) {
                tenant = group.asText().substring("/tenants/".length());
            }
        }
        List<String> roles = new ArrayList<>();
        claims.path("realm_access").path("roles").forEach(r -> roles.add(r.asText()));
        return Map.of("actorKey", tenant + "/" + claims.path("sub").asText(), "tenant", tenant, "roles", roles);
    }

    @Test
    void anInstructorSeesTheMetricsOfTheirCohortAndItsExports() throws Exception {
        String course = "llm-" + UUID.randomUUID().toString().substring(0, 8);
        String cohortId = graphql(CREATE, Map.of("input", Map.of("viewer", bob, "course", course, "name", "Autumn")))
                .body("data.createCohort.userErrors", hasSize(0))
                .body("data.createCohort.cohort.instructorKeys", equalTo(List.of(bob.get("actorKey"))))
                .extract().path("data.createCohort.cohort.id");
        Actor one = learner();
        Actor two = learner();
        Actor three = learner();
        graphql(ENROL, Map.of("input", Map.of("viewer", bob, "cohortId", cohortId, "actorKeys", List.of(key(one), key(two), key(three)))))
                .body("data.enrolInCohort.cohort.learnerKeys", hasSize(3));

        Instant start = Instant.parse("2026-11-20T10:00:00Z");
        send(learning(one, "level:1", ObjectType.LEVEL, start));
        send(learning(one, "level:2/training", ObjectType.STAGE, start.plusSeconds(600)));     // one session of 10 minutes
        send(learning(one, "level:3/attention", ObjectType.COMPONENT, start.plus(Duration.ofDays(1)))); // returns a day later
        send(learning(two, "level:1", ObjectType.LEVEL, start));
        send(learning(two, "level:2/data", ObjectType.STAGE, start.plusSeconds(120)));
        send(learning(three, "level:1", ObjectType.LEVEL, start));
        send(attempt(one, "attn-scale", 1, true, "a"));
        send(attempt(two, "attn-scale", 1, false, "b"));
        send(attempt(two, "attn-scale", 2, false, "b"));
        send(attempt(three, "attn-scale", 1, false, "c"));
        send(milestone(one, MilestoneKind.PATH_COMPLETED, "path:beginner"));

        // The three kinds of event come on three topics, consumed independently: wait for the last of each.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).ignoreExceptions().until(() -> {
            var seen = metrics(bob, Map.of("cohortId", cohortId)).extract().jsonPath();
            return seen.getInt("data.learningMetrics.metrics.items[0].attempts") == 4
                    && seen.getInt("data.learningMetrics.metrics.sessions") == 4
                    && seen.getDouble("data.learningMetrics.metrics.completionRate") > 0;
        });
        metrics(bob, Map.of("cohortId", cohortId))
                .body("data.learningMetrics.metrics.learners", equalTo(3))
                .body("data.learningMetrics.metrics.sessions", equalTo(4))
                .body("data.learningMetrics.metrics.averageSessionSeconds", closeTo((600 + 0 + 120 + 0) / 4.0, 1e-6))
                .body("data.learningMetrics.metrics.levelsPerLearner", closeTo((3 + 2 + 1) / 3.0, 1e-6))
                .body("data.learningMetrics.metrics.completionRate", closeTo(1 / 3.0, 1e-6))
                .body("data.learningMetrics.metrics.returnRate", closeTo(1 / 3.0, 1e-6))
                .body("data.learningMetrics.metrics.comprehension[0].targetId", equalTo("attention"))
                .body("data.learningMetrics.metrics.comprehension[0].meanMastery", closeTo(1 / 6.0, 1e-6)) // 1 of 2 questions, 1 of 3 learners
                .body("data.learningMetrics.metrics.items[0].firstAttempts", equalTo(3))
                .body("data.learningMetrics.metrics.items[0].firstAttemptCorrectRate", closeTo(1 / 3.0, 1e-6))
                .body("data.learningMetrics.metrics.items[0].commonWrongAnswers[0].response", equalTo("b"))
                .body("data.learningMetrics.metrics.items[0].commonWrongAnswers[0].count", equalTo(2))
                .body("data.learningMetrics.metrics.dropOff[0].objectId", equalTo("level:1"))
                .body("data.learningMetrics.metrics.dropOff[0].learners", equalTo(1));

        String csv = graphql("query($input: LearningMetricsInput!) { learningMetricsCsv(input: $input) { content contentType userErrors { code } } }",
                Map.of("input", Map.of("viewer", bob, "course", course))).extract().path("data.learningMetricsCsv.content");
        assertTrue(csv.startsWith("metric,item,value\r\nlearners,,3\r\n"), csv);
        assertTrue(csv.contains("wrong_answer_count,attn-scale = b,2"), csv);

        String xapi = graphql("query($input: CohortStatementsInput!) { cohortStatements(input: $input) { content count userErrors { code } } }",
                Map.of("input", Map.of("viewer", bob, "cohortId", cohortId))).extract().path("data.cohortStatements.content");
        JsonNode statements = JSON.readTree(xapi);
        assertEquals(10, statements.size(), "6 learning events and 4 graded attempts");
        for (JsonNode statement : statements) {
            assertTrue(List.of(one.id(), two.id(), three.id()).contains(statement.path("actor").path("account").path("name").asText()));
        }
        assertTrue(statements.get(0).path("actor").path("account").path("homePage").asText().endsWith("/tenants/demo-university"));
        assertTrue(statements.findValuesAsText("id").stream().anyMatch(v -> v.equals("http://adlnet.gov/expapi/verbs/answered")));
    }

    @Test
    void anInstructorOfAnotherInstitutionIsRefusedTheCohortAndItsExports() {
        String cohortId = graphql(CREATE, Map.of("input", Map.of("viewer", frank, "course", "llm-101", "name", "Other " + UUID.randomUUID())))
                .body("data.createCohort.cohort.tenant", equalTo("other-college")).extract().path("data.createCohort.cohort.id");
        metrics(bob, Map.of("cohortId", cohortId))
                .body("data.learningMetrics.metrics", nullValue())
                .body("data.learningMetrics.userErrors[0].code", equalTo("FORBIDDEN"))
                .body("data.learningMetrics.userErrors[0].message", containsString("another institution"));
        metrics(carol, Map.of("cohortId", cohortId)).body("data.learningMetrics.userErrors[0].code", equalTo("FORBIDDEN"));
        graphql("query($input: CohortStatementsInput!) { cohortStatements(input: $input) { content userErrors { code } } }",
                Map.of("input", Map.of("viewer", bob, "cohortId", cohortId)))
                .body("data.cohortStatements.content", nullValue())
                .body("data.cohortStatements.userErrors[0].code", equalTo("FORBIDDEN"));
        graphql(ENROL, Map.of("input", Map.of("viewer", bob, "cohortId", cohortId, "actorKeys", List.of("demo-university/x"))))
                .body("data.enrolInCohort.userErrors[0].code", equalTo("FORBIDDEN"));
        graphql("query($input: CohortsInput!) { cohorts(input: $input) { id } }", Map.of("input", Map.of("viewer", bob)))
                .body("data.cohorts.id", not(hasItem(cohortId)));
    }

    @Test
    void learnersOfAnotherInstitutionCannotBeEnrolledAndLearnersSeeOnlyThemselves() {
        String cohortId = graphql(CREATE, Map.of("input", Map.of("viewer", carol, "course", "llm-101", "name", "Admin " + UUID.randomUUID())))
                .extract().path("data.createCohort.cohort.id");
        graphql(ENROL, Map.of("input", Map.of("viewer", carol, "cohortId", cohortId, "actorKeys", List.of("other-college/erin"))))
                .body("data.enrolInCohort.userErrors[0].code", equalTo("OTHER_INSTITUTION"))
                .body("data.enrolInCohort.userErrors[0].field", equalTo(List.of("input", "actorKeys", "0")));
        metrics(bob, Map.of("cohortId", cohortId)).body("data.learningMetrics.userErrors[0].code", equalTo("FORBIDDEN"));
        metrics(alice, Map.of("cohortId", cohortId)).body("data.learningMetrics.userErrors[0].code", equalTo("FORBIDDEN"));
        metrics(alice, Map.of("institution", true)).body("data.learningMetrics.userErrors[0].code", equalTo("FORBIDDEN"));
        metrics(alice, Map.of()).body("data.learningMetrics.userErrors", hasSize(0));
        graphql(CREATE, Map.of("input", Map.of("viewer", alice, "course", "llm-101", "name", "Mine")))
                .body("data.createCohort.userErrors[0].code", equalTo("FORBIDDEN"));
        metrics(carol, Map.of("institution", true)).body("data.learningMetrics.userErrors", hasSize(0));
    }

    @Test
    void aMergedGuestsEventsCountForTheAccount() throws Exception {
        ActorKey guestKey = ActorKey.guest(UUID.randomUUID());
        Actor guest = guestKey.actor(ActorKind.GUEST);
        Actor account = learner();
        send(learning(guest, "level:4", ObjectType.LEVEL, Instant.now()));
        String key = key(account);
        ActorKey accountKey = ActorKey.of(account);
        producer.send(new ProducerRecord<>(Topics.GUEST_PROGRESS_MERGED, key, EventCodec.encode(new GuestProgressMerged(
                GuestProgressMerged.idOf(guestKey, accountKey), Instant.now(), 1, accountKey, guestKey, 1)))).get();
        send(learning(guest, "level:5", ObjectType.LEVEL, Instant.now()));
        String activities = "query($keys: [String!]!) { learnerActivities(actorKeys: $keys) { eventCount } }";
        await().atMost(Duration.ofSeconds(30)).until(() ->
                graphql(activities, Map.of("keys", List.of(key))).extract().<Number>path("data.learnerActivities[0].eventCount").intValue() == 2);
        graphql(activities, Map.of("keys", List.of(guestKey.toString()))).body("data.learnerActivities[0].eventCount", equalTo(0));
    }

    private static ValidatableResponse metrics(Map<String, Object> viewer, Map<String, Object> scope) {
        Map<String, Object> input = new java.util.HashMap<>(scope);
        input.put("viewer", viewer);
        return graphql(METRICS, Map.of("input", input));
    }

    private static ValidatableResponse graphql(String query, Map<String, Object> variables) {
        return given().config(DOUBLES).contentType(ContentType.JSON).auth().oauth2(serviceToken)
                .body(Map.of("query", query, "variables", variables)).when().post("/graphql").then().statusCode(200);
    }

    private static Actor learner() {
        return new Actor("learner-" + UUID.randomUUID(), ActorKind.LEARNER, "demo-university");
    }

    private static String key(Actor a) {
        return ActorKey.of(a).toString();
    }

    private static LearningEventRecorded learning(Actor actor, String objectId, ObjectType type, Instant at) {
        return LearningEventRecorded.of(UUID.randomUUID(), Instant.now(), new Statement(actor, LearningVerb.EXPERIENCED.toStatementVerb(),
                new ActivityObject(objectId, type, null), null, null, at));
    }

    private static QuizAttemptGraded attempt(Actor actor, String question, int number, boolean correct, String response) {
        Statement s = new Statement(actor, LearningVerb.ANSWERED.toStatementVerb(), new ActivityObject(question, ObjectType.QUESTION, null),
                new Result(correct ? 1.0 : 0.0, correct, true, null, response), new Context(3, null, null, "en"), Instant.now());
        return new QuizAttemptGraded(UUID.randomUUID(), Instant.now(), 1, ActorKey.of(actor), s, "quiz-component-attention", 2, 0.6,
                TargetKind.COMPONENT,
                "attention", number, "0123456789abcdef");
    }

    private static MilestoneReached milestone(Actor actor, MilestoneKind milestone, String objectId) {
        ActorKey key = ActorKey.of(actor);
        return new MilestoneReached(MilestoneReached.idOf(key, milestone, objectId), Instant.now(), 1, key, actor, milestone, objectId);
    }

    private static void send(LearningEventRecorded e) throws Exception {
        producer.send(new ProducerRecord<>(Topics.LEARNING_EVENT_RECORDED, e.key().toString(), EventCodec.encode(e))).get();
    }

    private static void send(QuizAttemptGraded e) throws Exception {
        producer.send(new ProducerRecord<>(Topics.QUIZ_ATTEMPT_GRADED, e.key().toString(), EventCodec.encode(e))).get();
    }

    private static void send(MilestoneReached e) throws Exception {
        producer.send(new ProducerRecord<>(Topics.MILESTONE_REACHED, e.key().toString(), EventCodec.encode(e))).get();
    }
}
