package org.nslab.progress;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nslab.events.ActorKey;
import org.nslab.events.EventCodec;
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
import org.nslab.testing.PackagedContent;
import org.nslab.testing.PackagedContentResource;
import org.nslab.testing.ServiceBasicsContract;
import org.nslab.testing.TestServers;
import org.nslab.testing.TestServersResource;
import org.nslab.testing.Tokens;

@QuarkusTest
@WithTestResource(TestServersResource.class)
@WithTestResource(PackagedContentResource.class)
class ProgressServiceTests extends ServiceBasicsContract {

    private static final String PROGRESS = """
            query($keys: [String!]!) { learnerProgress(input: {actorKeys: $keys}) {
              learners { actorKey levelsVisited stationsVisited stagesVisited componentsVisited chaptersVisited
                         quizzes { quizId solved questionCount mastery mastered } currentPathId
                         paths { pathId completedSteps totalSteps completed nextStepIndex nextStep { kind id } }
                         timeSpentMs eventCount resume { kind id level } milestones { milestone objectId } }
              userErrors { field code } } }""";
    private static final String MERGE = """
            mutation($input: MergeGuestProgressInput!) { mergeGuestProgress(input: $input) {
              accountActorKey movedEvents userErrors { field code message } } }""";

    private static KafkaProducer<String, String> producer;
    private static String serviceToken;

    @BeforeAll
    static void connect() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafkaBootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
        serviceToken = Tokens.forClient("nslab-gateway", "dev-only-gateway-secret");
    }

    @AfterAll
    static void close() {
        producer.close();
    }

    @Override
    protected String[] readinessChecks() {
        return new String[] {"Database connections health check", "SmallRye Reactive Messaging - readiness check",
            "content release"};
    }

    @Test
    void progressIsBuiltFromLearningEventsAndGradedAttempts() throws Exception {
        Actor actor = learner();
        String key = key(actor);
        send(event(actor, LearningVerb.LAUNCHED, "path:beginner", ObjectType.VIEW, null, null));
        send(event(actor, LearningVerb.LAUNCHED, "level:1", ObjectType.LEVEL, null, 60_000L));
        send(event(actor, LearningVerb.EXPERIENCED, "station:data-collection", ObjectType.VIEW, 1, 30_000L));
        send(event(actor, LearningVerb.EXPERIENCED, "level:2/training", ObjectType.STAGE, null, 45_000L));
        send(graded(actor, "quiz-stage-training", "train-6nd", 1, true));
        send(event(actor, LearningVerb.EXPERIENCED, "component:attention", ObjectType.COMPONENT, 3, 15_000L));

        awaitEvents(key, 6)
                .body("data.learnerProgress.learners[0].levelsVisited", equalTo(List.of(1, 2, 3)))
                .body("data.learnerProgress.learners[0].stationsVisited", equalTo(List.of("data-collection")))
                .body("data.learnerProgress.learners[0].stagesVisited", equalTo(List.of("training")))
                .body("data.learnerProgress.learners[0].componentsVisited", equalTo(List.of("attention")))
                .body("data.learnerProgress.learners[0].quizzes[0].quizId", equalTo("quiz-stage-training"))
                .body("data.learnerProgress.learners[0].quizzes[0].mastered", equalTo(true))
                .body("data.learnerProgress.learners[0].currentPathId", equalTo("beginner"))
                .body("data.learnerProgress.learners[0].paths[0].completedSteps", equalTo(2))
                .body("data.learnerProgress.learners[0].paths[0].nextStep.id", equalTo("training"))
                .body("data.learnerProgress.learners[0].timeSpentMs", equalTo(150_000))
                .body("data.learnerProgress.learners[0].resume.id", equalTo("attention"))
                .body("data.learnerProgress.learners[0].resume.level", equalTo(3));
    }

    @Test
    void theSameEventDeliveredTwiceCountsOnceAndMilestonesAreAnnouncedOnce() throws Exception {
        Actor actor = learner();
        LearningEventRecorded twice = event(actor, LearningVerb.LAUNCHED, "level:4", ObjectType.LEVEL, null, 1000L);
        send(twice);
        send(twice);
        send(event(actor, LearningVerb.LAUNCHED, "level:5", ObjectType.LEVEL, null, 1000L));
        awaitEvents(key(actor), 2);
        Thread.sleep(500);
        graphql(PROGRESS, Map.of("keys", List.of(key(actor))))
                .body("data.learnerProgress.learners[0].eventCount", equalTo(2))
                .body("data.learnerProgress.learners[0].timeSpentMs", equalTo(2000))
                .body("data.learnerProgress.learners[0].milestones.objectId", equalTo(List.of("level:4", "level:5")));

        List<MilestoneReached> announced = milestonesOf(key(actor), 2);
        assertEquals(List.of("level:4", "level:5"), announced.stream().map(MilestoneReached::objectId).sorted().toList());
    }

    @Test
    void aGuestsProgressMergesIntoTheAccountOnceAndLaterGuestEventsFollow() throws Exception {
        Actor guest = ActorKey.guest(UUID.randomUUID()).actor(ActorKind.GUEST);
        Actor account = learner();
        send(event(guest, LearningVerb.EXPERIENCED, "level:2/data", ObjectType.STAGE, null, 5000L));
        send(event(account, LearningVerb.LAUNCHED, "level:1", ObjectType.LEVEL, null, 1000L));
        awaitEvents(key(guest), 1);
        awaitEvents(key(account), 1);

        merge(key(guest), key(account))
                .body("data.mergeGuestProgress.userErrors", hasSize(0))
                .body("data.mergeGuestProgress.movedEvents", equalTo(1));
        merge(key(guest), key(account)).body("data.mergeGuestProgress.movedEvents", equalTo(0))
                .body("data.mergeGuestProgress.userErrors", hasSize(0));
        merge(key(guest), key(learner())).body("data.mergeGuestProgress.userErrors[0].code", equalTo("ALREADY_MERGED"));

        send(event(guest, LearningVerb.EXPERIENCED, "component:attention", ObjectType.COMPONENT, 3, 1000L));
        awaitEvents(key(account), 3)
                .body("data.learnerProgress.learners[0].stagesVisited", equalTo(List.of("data")))
                .body("data.learnerProgress.learners[0].levelsVisited", equalTo(List.of(1, 2, 3)))
                .body("data.learnerProgress.learners[0].milestones.objectId", hasItem("stage:data"));
        graphql(PROGRESS, Map.of("keys", List.of(key(guest)))).body("data.learnerProgress.learners[0].eventCount", equalTo(0));
    }

    @Test
    void aContentReleaseWithAnotherPathCompletesItWithoutARebuild() throws Exception {
        String packed = PackagedContentResource.releaseInUse();
        assertNotNull(packed, "a release is loaded once the service is ready");
        Actor actor = learner();
        String key = key(actor);
        send(event(actor, LearningVerb.LAUNCHED, "level:1", ObjectType.LEVEL, null, 1000L));
        send(event(actor, LearningVerb.EXPERIENCED, "station:data-collection", ObjectType.VIEW, 1, 1000L));
        send(event(actor, LearningVerb.EXPERIENCED, "station:evaluation", ObjectType.VIEW, 1, 1000L));
        send(event(actor, LearningVerb.EXPERIENCED, "chapter:from-text-to-tokens", ObjectType.CHAPTER, 4, 1000L));
        send(event(actor, LearningVerb.EXPERIENCED, "chapter:choosing-the-next-token", ObjectType.CHAPTER, 4, 1000L));
        send(graded(actor, "quiz-journey-map", "jm-order", 1, true));
        // The packed course's beginner path wants the training station, which this learner has not visited.
        awaitEvents(key, 6)
                .body("data.learnerProgress.learners[0].paths[0].pathId", equalTo("beginner"))
                .body("data.learnerProgress.learners[0].paths[0].completedSteps", equalTo(5))
                .body("data.learnerProgress.learners[0].paths[0].nextStep.id", equalTo("training"))
                .body("data.learnerProgress.learners[0].milestones.objectId", not(hasItem("path:beginner")));

        Path changed = PackagedContent.courseCopy(PackagedContentResource.WORK.resolve("course-" + UUID.randomUUID()), Map.of(
                "structure/paths.yaml", yaml -> yaml.replaceFirst("\\{kind: station, id: training}", "{kind: station, id: evaluation}")));
        try {
            PackagedContent.publish(PackagedContentResource.WORK, changed);
            PackagedContentResource.awaitReleaseOtherThan(packed);
            graphql(PROGRESS, Map.of("keys", List.of(key)))
                    .body("data.learnerProgress.learners[0].paths[0].completedSteps", equalTo(6))
                    .body("data.learnerProgress.learners[0].paths[0].completed", equalTo(true));
            // Milestones are worked out when a learner reaches something new.
            send(event(actor, LearningVerb.EXPERIENCED, "station:deployment", ObjectType.VIEW, 1, 1000L));
            awaitEvents(key, 7).body("data.learnerProgress.learners[0].milestones.objectId", hasItem("path:beginner"));
            assertTrue(milestonesOf(key, 4).stream().anyMatch(m -> m.milestone() == MilestoneKind.PATH_COMPLETED
                    && m.objectId().equals("path:beginner")));
        } finally {
            PackagedContent.publish(PackagedContentResource.WORK, null);
        }
        PackagedContentResource.awaitRelease(packed);
        graphql(PROGRESS, Map.of("keys", List.of(key)))
                .body("data.learnerProgress.learners[0].paths[0].completedSteps", equalTo(5))
                .body("data.learnerProgress.learners[0].milestones.objectId", hasItem("path:beginner"));
    }

    @Test
    void badKeysAreUserErrors() {
        merge("demo-university/alice", "public/guest-x").body("data.mergeGuestProgress.userErrors.field",
                equalTo(List.of(List.of("input", "guestActorKey"), List.of("input", "accountActorKey"))));
        graphql(PROGRESS, Map.of("keys", List.of("no key"))).body("data.learnerProgress.userErrors[0].code", equalTo("INVALID_ACTOR"));
    }

    @Test
    void onlyPlatformServicesMayCall() {
        given().contentType(ContentType.JSON).auth().oauth2(Tokens.forUser("alice", "alice-demo"))
                .body(Map.of("query", PROGRESS, "variables", Map.of("keys", List.of("demo-university/alice"))))
                .post("/graphql").then().statusCode(200).body("errors[0].extensions.code", equalTo("forbidden"));
    }

    private static ValidatableResponse merge(String guest, String account) {
        return graphql(MERGE, Map.of("input", Map.of("guestActorKey", guest, "accountActorKey", account)));
    }

    private static ValidatableResponse awaitEvents(String key, int count) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                graphql(PROGRESS, Map.of("keys", List.of(key))).extract().<Integer>path("data.learnerProgress.learners[0].eventCount") == count);
        return graphql(PROGRESS, Map.of("keys", List.of(key)));
    }

    private static List<MilestoneReached> milestonesOf(String key, int expected) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafkaBootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "progress-test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<MilestoneReached> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.MILESTONE_REACHED));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline && found.size() < expected) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(EventCodec.decodeMilestoneReached(r.value()));
                    }
                });
            }
            consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                if (key.equals(r.key())) {
                    found.add(EventCodec.decodeMilestoneReached(r.value()));
                }
            });
        }
        return found;
    }

    private static ValidatableResponse graphql(String query, Map<String, Object> variables) {
        return given().contentType(ContentType.JSON).auth().oauth2(serviceToken)
                .body(Map.of("query", query, "variables", variables)).when().post("/graphql").then().statusCode(200);
    }

    private static Actor learner() {
        return new Actor("learner-" + UUID.randomUUID(), ActorKind.LEARNER, "demo-university");
    }

    private static String key(Actor actor) {
        return ActorKey.of(actor).toString();
    }

    static LearningEventRecorded event(Actor actor, LearningVerb verb, String objectId, ObjectType type, Integer level, Long durationMs) {
        Statement statement = new Statement(actor, verb.toStatementVerb(), new ActivityObject(objectId, type, null),
                durationMs == null ? null : new Result(null, null, null, durationMs, null),
                level == null ? null : new Context(level, null, null, null), Instant.now());
        return LearningEventRecorded.of(UUID.randomUUID(), Instant.now(), statement);
    }

    private static QuizAttemptGraded graded(Actor actor, String quizId, String questionId, int questionCount, boolean correct) {
        Statement statement = new Statement(actor, LearningVerb.ANSWERED.toStatementVerb(), new ActivityObject(questionId, ObjectType.QUESTION, null),
                new Result(correct ? 1.0 : 0.0, correct, true, null, "1.2e20"), new Context(2, null, null, "en"), Instant.now());
        return new QuizAttemptGraded(UUID.randomUUID(), Instant.now(), 1, ActorKey.of(actor), statement, quizId, questionCount, 0.6,
                TargetKind.STAGE,
                "training", 1, "0123456789abcdef");
    }

    private static void send(LearningEventRecorded event) throws Exception {
        producer.send(new ProducerRecord<>(Topics.LEARNING_EVENT_RECORDED, event.key().toString(), EventCodec.encode(event))).get();
    }

    private static void send(QuizAttemptGraded event) throws Exception {
        producer.send(new ProducerRecord<>(Topics.QUIZ_ATTEMPT_GRADED, event.key().toString(), EventCodec.encode(event))).get();
    }
}
