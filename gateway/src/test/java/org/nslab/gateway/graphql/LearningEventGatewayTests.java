package org.nslab.gateway.graphql;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.nslab.events.EventCodec;
import org.nslab.events.LearningEventRecorded;
import org.nslab.events.LearningEventRecorded.ActorKind;
import org.nslab.events.Topics;
import org.nslab.testing.TestServers;
import org.nslab.testing.TestServersResource;
import org.nslab.testing.Tokens;

@QuarkusTest
@WithTestResource(TestServersResource.class)
class LearningEventGatewayTests {

    private static final String RECORD = """
            mutation($input: RecordLearningEventInput!) {
              recordLearningEvent(input: $input) {
                event { id verb objectId timestamp recordedAt }
                userErrors { field message code }
              }
            }""";
    private static final String START_GUEST = "mutation { startGuestSession { guestId token expiresAt } }";
    private static final String VIEWER = "query { viewer { id kind tenant roles actorKey } }";

    @Test
    void aLearnerWithAKeycloakTokenRecordsAnEventThatReachesKafkaUnderTheirTenant() {
        String token = Tokens.forUser("alice", "alice-demo");
        String id = UUID.randomUUID().toString();

        graphql(bearer(token), RECORD, Map.of("input", Map.of("id", id, "verb", "ANSWERED", "objectId", "quiz:training/q1",
                "objectType", "QUESTION", "result", Map.of("scoreScaled", 1.0, "success", true), "context", Map.of("level", 2))))
                .body("errors", nullValue())
                .body("data.recordLearningEvent.userErrors", empty())
                .body("data.recordLearningEvent.event.id", equalTo(id))
                .body("data.recordLearningEvent.event.verb", equalTo("ANSWERED"));

        ConsumerRecord<String, String> record = consumeEvent(id);
        LearningEventRecorded event = EventCodec.decodeLearningEvent(record.value());
        assertEquals(ActorKind.LEARNER, event.statement().actor().kind());
        assertEquals("demo-university", event.statement().actor().tenant());
        assertTrue(record.key().startsWith("demo-university/"), record.key());
        assertEquals(1.0, event.statement().result().scoreScaled());
    }

    @Test
    void aGuestStartsASessionWithoutAnAccountAndRecordsEventsAsAGuestOfThePublicTenant() {
        ValidatableResponse session = graphql(given(), START_GUEST, Map.of()).body("errors", nullValue());
        String token = session.extract().path("data.startGuestSession.token");
        String guestId = session.extract().path("data.startGuestSession.guestId");
        RequestSpecification asGuest = given().header("Authorization", "Guest " + token);

        graphql(asGuest, VIEWER, Map.of())
                .body("data.viewer.id", equalTo(guestId))
                .body("data.viewer.kind", equalTo("GUEST"))
                .body("data.viewer.tenant", equalTo("public"))
                .body("data.viewer.roles", equalTo(List.of("guest")));
        String id = graphql(given().header("Authorization", "Guest " + token), RECORD,
                Map.of("input", Map.of("verb", "LAUNCHED", "objectId", "level:1", "objectType", "LEVEL")))
                .body("data.recordLearningEvent.userErrors", empty())
                .extract().path("data.recordLearningEvent.event.id");

        ConsumerRecord<String, String> record = consumeEvent(id);
        assertEquals("public/" + guestId, record.key());
    }

    @Test
    void badInputComesBackAsUserErrorsNamingEachFieldAndNothingIsPublished() {
        String token = Tokens.forUser("alice", "alice-demo");

        graphql(bearer(token), RECORD, Map.of("input", Map.of("id", "42", "verb", "ANSWERED", "objectId", "Quiz Q1",
                "objectType", "QUESTION", "result", Map.of("scoreScaled", 3.5),
                "timestamp", Instant.now().plus(Duration.ofDays(1)).toString())))
                .body("errors", nullValue())
                .body("data.recordLearningEvent.event", nullValue())
                .body("data.recordLearningEvent.userErrors.field", equalTo(List.of(
                        List.of("input", "id"), List.of("input", "timestamp"), List.of("input", "objectId"),
                        List.of("input", "result", "scoreScaled"))))
                .body("data.recordLearningEvent.userErrors.code", hasItem("INVALID_ID"));
    }

    @Test
    void rolesDecideWhoMayRecord() {
        Map<String, Object> input = Map.of("input", Map.of("verb", "LAUNCHED", "objectId", "level:1", "objectType", "LEVEL"));

        graphql(given(), RECORD, input)
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("unauthorized"));
        graphql(bearer(Tokens.forUser("dave", "dave-demo")), RECORD, input)
                .body("errors[0].extensions.code", equalTo("forbidden"));
        graphql(bearer(Tokens.forUser("bob", "bob-demo")), RECORD, input)
                .body("errors", nullValue());
    }

    @Test
    void aForgedGuestTokenOrAForgedBearerTokenIsRefused() {
        String token = graphql(given(), START_GUEST, Map.of()).extract().path("data.startGuestSession.token");
        String forged = token.substring(0, token.length() - 4) + "AAAA";

        given().header("Authorization", "Guest " + forged).contentType(ContentType.JSON)
                .body(Map.of("query", VIEWER)).post("/graphql").then().statusCode(401);
        given().header("Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl").contentType(ContentType.JSON)
                .body(Map.of("query", VIEWER)).post("/graphql").then().statusCode(401);
    }

    @Test
    void malformedOrUnknownQueriesGetGraphQLErrorsWithoutInternals() {
        String malformed = given().contentType(ContentType.JSON).body(Map.of("query", "mutation { recordLearningEvent(")).post("/graphql")
                .then().statusCode(200).body("data", nullValue()).body("errors[0].message", equalTo("Unparseable input document"))
                .extract().asString();
        String unknown = graphql(given(), "query { secrets { password } }", Map.of())
                .body("errors[0].extensions.classification", equalTo("ValidationError"))
                .extract().asString();
        for (String body : List.of(malformed, unknown)) {
            assertTrue(!body.contains("java.") && !body.contains("org.") && !body.contains("\tat "), body);
        }
        String notJson = given().contentType(ContentType.JSON).body("{not json").post("/graphql").then()
                .body("errors[0].message", equalTo("Unparseable request")).extract().asString();
        assertTrue(!notJson.contains("java.") && !notJson.contains("\tat "), notJson);
    }

    @Test
    void tooDeepQueriesAndOversizedRequestsAreRefused() {
        String deep = "query { __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType "
                + "{ ofType { ofType { name } } } } } } } } } } } } }";
        graphql(given(), deep, Map.of()).body("data", nullValue()).body("errors[0].message", containsString("depth"));
        given().contentType(ContentType.JSON).body(Map.of("query", "query { viewer { id } }", "pad", "x".repeat(70_000)))
                .post("/graphql").then().statusCode(413);
    }

    @Test
    void whenAnalyticsCannotBeReachedTheViewerStillAnswersAndActivitySaysItIsUnavailable() {
        graphql(bearer(Tokens.forUser("alice", "alice-demo")), "query { viewer { kind tenant activity { eventCount } } }", Map.of())
                .body("data.viewer.kind", equalTo("LEARNER"))
                .body("data.viewer.tenant", equalTo("demo-university"))
                .body("data.viewer.activity", nullValue())
                .body("errors[0].extensions.code", equalTo("service-unavailable"))
                .body("errors[0].extensions.service", equalTo("analytics"))
                .body("errors[0].message", startsWith("The analytics service cannot be reached"));
    }

    @Test
    void healthAndMetricsAreServed() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
        given().get("/graphql/schema.graphql").then().statusCode(200).body(containsString("recordLearningEvent"))
                .body(notNullValue());
    }

    private static RequestSpecification bearer(String token) {
        return given().auth().oauth2(token);
    }

    private static ValidatableResponse graphql(RequestSpecification request, String query, Map<String, Object> variables) {
        return request.contentType(ContentType.JSON)
                .body(Map.of("query", query, "variables", variables))
                .when().post("/graphql")
                .then().statusCode(200);
    }

    private static ConsumerRecord<String, String> consumeEvent(String eventId) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafkaBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "gateway-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(Topics.LEARNING_EVENT_RECORDED));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value().contains(eventId)) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("event " + eventId + " did not reach " + Topics.LEARNING_EVENT_RECORDED);
    }
}
