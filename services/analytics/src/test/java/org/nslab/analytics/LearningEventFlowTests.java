package org.nslab.analytics;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
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
import org.nslab.events.EventCodec;
import org.nslab.events.LearningEventRecorded;
import org.nslab.events.LearningEventRecorded.ActivityObject;
import org.nslab.events.LearningEventRecorded.Actor;
import org.nslab.events.LearningEventRecorded.ActorKind;
import org.nslab.events.LearningEventRecorded.ObjectType;
import org.nslab.events.LearningEventRecorded.Statement;
import org.nslab.events.LearningVerb;
import org.nslab.events.Topics;
import org.nslab.testing.TestServers;
import org.nslab.testing.TestServersResource;
import org.nslab.testing.Tokens;

@QuarkusTest
@WithTestResource(TestServersResource.class)
class LearningEventFlowTests {

    private static final String ACTIVITIES = """
            query($keys: [String!]!) { learnerActivities(actorKeys: $keys) {
              actorKey eventCount lastEventAt verbs { verb count } } }""";

    private static KafkaProducer<String, String> producer;
    private static String serviceToken;

    @BeforeAll
    static void connect() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafkaBootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer = new KafkaProducer<>(props);
        serviceToken = Tokens.forClient("nslab-gateway", "dev-only-gateway-secret");
    }

    @AfterAll
    static void close() {
        producer.close();
    }

    @Test
    void eventsPublishedOnTheTopicAreCountedPerLearnerAndVerb() throws Exception {
        String actor = "learner-" + UUID.randomUUID();
        send(event(actor, LearningVerb.LAUNCHED));
        send(event(actor, LearningVerb.ANSWERED));
        send(event(actor, LearningVerb.ANSWERED));

        awaitCount(key(actor), 3)
                .body("data.learnerActivities[0].verbs", hasSize(2))
                .body("data.learnerActivities[0].verbs[0].verb", equalTo("ANSWERED"))
                .body("data.learnerActivities[0].verbs[0].count", equalTo(2))
                .body("data.learnerActivities[0].lastEventAt", notNullValue());
    }

    @Test
    void anEventDeliveredTwiceIsCountedOnce() throws Exception {
        String actor = "learner-" + UUID.randomUUID();
        LearningEventRecorded event = event(actor, LearningVerb.COMPLETED);
        send(event);
        send(event);
        send(event(actor, LearningVerb.PASSED));

        awaitCount(key(actor), 2);
        Thread.sleep(500);
        activities(serviceToken, List.of(key(actor))).body("data.learnerActivities[0].eventCount", equalTo(2));
    }

    @Test
    void aPayloadThatBreaksTheContractIsSetAsideAndTheNextEventStillCounts() throws Exception {
        String actor = "learner-" + UUID.randomUUID();
        producer.send(new ProducerRecord<>(Topics.LEARNING_EVENT_RECORDED, key(actor), "{\"id\":\"not-an-event\"}")).get();
        send(event(actor, LearningVerb.EXPERIENCED));

        awaitCount(key(actor), 1);
        given().when().get("/q/metrics").then()
                .body(containsString("nslab_analytics_events_total{outcome=\"rejected\"}"));
    }

    @Test
    void aLearnerWithoutEventsHasACountOfZeroAndActorsComeBackInTheOrderAsked() {
        String nobody = "demo-university/nobody-" + UUID.randomUUID();
        String other = "demo-university/other-" + UUID.randomUUID();
        activities(serviceToken, List.of(nobody, other))
                .body("data.learnerActivities[0].actorKey", equalTo(nobody))
                .body("data.learnerActivities[0].eventCount", equalTo(0))
                .body("data.learnerActivities[0].lastEventAt", nullValue())
                .body("data.learnerActivities[1].actorKey", equalTo(other));
    }

    @Test
    void onlyPlatformServicesMayReadActivityNotLearnersNorAnonymousCallers() {
        String learnerToken = Tokens.forUser("alice", "alice-demo");
        activities(learnerToken, List.of("demo-university/alice"))
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("forbidden"));
        activities(null, List.of("demo-university/alice"))
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("unauthorized"));
    }

    @Test
    void readinessCoversTheDatabaseAndKafka() {
        given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", org.hamcrest.Matchers.hasItems(
                        "Database connections health check", "SmallRye Reactive Messaging - readiness check"));
    }

    private static ValidatableResponse awaitCount(String actorKey, int expected) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                activities(serviceToken, List.of(actorKey)).extract().<Integer>path("data.learnerActivities[0].eventCount") == expected);
        return activities(serviceToken, List.of(actorKey)).body("data.learnerActivities[0].eventCount", equalTo(expected));
    }

    private static ValidatableResponse activities(String token, List<String> keys) {
        var request = given().contentType(ContentType.JSON);
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        return request.body(Map.of("query", ACTIVITIES, "variables", Map.of("keys", keys)))
                .when().post("/graphql")
                .then().statusCode(200);
    }

    private static void send(LearningEventRecorded event) throws Exception {
        producer.send(new ProducerRecord<>(Topics.LEARNING_EVENT_RECORDED, event.key().toString(), EventCodec.encode(event))).get();
    }

    private static String key(String actor) {
        return "demo-university/" + actor;
    }

    private static LearningEventRecorded event(String actor, LearningVerb verb) {
        Statement statement = new Statement(new Actor(actor, ActorKind.LEARNER, "demo-university"), verb.toStatementVerb(),
                new ActivityObject("level:2/training", ObjectType.STAGE, "Training gym"), null, null, Instant.now());
        return LearningEventRecorded.of(UUID.randomUUID(), Instant.now(), statement);
    }
}
