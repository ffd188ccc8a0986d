package org.nslab.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.nslab.events.LearningEventRecorded.ActivityObject;
import org.nslab.events.LearningEventRecorded.Actor;
import org.nslab.events.LearningEventRecorded.ActorKind;
import org.nslab.events.LearningEventRecorded.ObjectType;
import org.nslab.events.LearningEventRecorded.Result;
import org.nslab.events.LearningEventRecorded.Statement;

class EventCodecTest {

    @Test
    void aFullStatementDecodesWithEveryField() {
        LearningEventRecorded event = EventCodec.decodeLearningEvent(fixture("valid-full"));

        assertEquals(UUID.fromString("6f1c1b8e-3a2e-4c1f-9d43-2b8f2f0a7c11"), event.id());
        assertEquals(new ActorKey("demo-university", "alice"), event.key());
        assertEquals(ActorKind.LEARNER, event.statement().actor().kind());
        assertEquals(LearningVerb.ANSWERED, LearningVerb.fromIri(event.statement().verb().id()).orElseThrow());
        assertEquals(0.5, event.statement().result().scoreScaled());
        assertEquals(2, event.statement().context().level());
        assertEquals(Instant.parse("2026-11-29T08:59:58Z"), event.statement().timestamp());
    }

    @Test
    void aMinimalStatementLeavesOptionalPartsEmpty() {
        LearningEventRecorded event = EventCodec.decodeLearningEvent(fixture("valid-minimal"));

        assertEquals(ActorKind.GUEST, event.statement().actor().kind());
        assertNull(event.statement().result());
        assertNull(event.statement().context());
    }

    @Test
    void encodingThenDecodingGivesTheSameEvent() {
        Statement statement = new Statement(new Actor("alice", ActorKind.LEARNER, "demo-university"),
                LearningVerb.COMPLETED.toStatementVerb(), new ActivityObject("stage:training", ObjectType.STAGE, null),
                new Result(null, true, true, 1200L, null), null, Instant.parse("2026-11-29T10:00:00Z"));
        LearningEventRecorded event = LearningEventRecorded.of(UUID.randomUUID(), Instant.now(), statement);

        String json = EventCodec.encode(event);

        assertEquals(event, EventCodec.decodeLearningEvent(json));
        assertTrue(json.contains("\"key\":\"demo-university/alice\""), json);
        assertTrue(!json.contains("scoreScaled"), "absent optional fields are left out: " + json);
    }

    @Test
    void aScoreOutsideMinusOneToOneIsRejectedNamingTheField() {
        InvalidEventException e = assertThrows(InvalidEventException.class,
                () -> EventCodec.decodeLearningEvent(fixture("invalid-score-out-of-range")));

        assertEquals(1, e.problems().size(), e.problems().toString());
        assertTrue(e.problems().get(0).startsWith("/statement/result/scoreScaled"), e.problems().toString());
    }

    @Test
    void aMissingActorAndAnUnknownFieldAreBothReported() {
        InvalidEventException e = assertThrows(InvalidEventException.class,
                () -> EventCodec.decodeLearningEvent(fixture("invalid-missing-actor-and-unknown-field")));

        assertTrue(e.problems().stream().anyMatch(p -> p.contains("actor")), e.problems().toString());
        assertTrue(e.problems().stream().anyMatch(p -> p.contains("mood")), e.problems().toString());
    }

    @Test
    void anotherSchemaVersionAndABadObjectIdAreRejected() {
        InvalidEventException e = assertThrows(InvalidEventException.class,
                () -> EventCodec.decodeLearningEvent(fixture("invalid-schema-version")));

        assertTrue(e.problems().stream().anyMatch(p -> p.startsWith("/schemaVersion")), e.problems().toString());
        assertTrue(e.problems().stream().anyMatch(p -> p.startsWith("/statement/object/id")), e.problems().toString());
    }

    @Test
    void somethingThatIsNotJsonIsRejected() {
        InvalidEventException e = assertThrows(InvalidEventException.class,
                () -> EventCodec.decodeLearningEvent("{not json"));

        assertEquals("payload is not JSON", e.problems().get(0));
    }

    @Test
    void theProducerCannotPublishAnEventThatBreaksTheContract() {
        Statement statement = new Statement(new Actor("alice", ActorKind.LEARNER, "Not A Tenant"),
                LearningVerb.LAUNCHED.toStatementVerb(), new ActivityObject("level:1", ObjectType.LEVEL, null),
                null, null, Instant.now());

        InvalidEventException e = assertThrows(InvalidEventException.class,
                () -> EventCodec.encode(LearningEventRecorded.of(UUID.randomUUID(), Instant.now(), statement)));

        assertTrue(e.problems().stream().anyMatch(p -> p.startsWith("/statement/actor/tenant")), e.problems().toString());
    }

    @Test
    void trainingProgressRoundTripsAndAnUnknownStateIsRejected() {
        TrainingProgressed event = TrainingProgressed.of(UUID.randomUUID(), "demo-university/alice", RunState.RUNNING, 12, 300,
                4.2, null, 1e-3, 0.7, java.util.List.of(0.3, 0.4), 3900.0);

        assertEquals(event, EventCodec.decodeTrainingProgressed(EventCodec.encode(event)));
        assertTrue(EventCodec.encode(event).contains("\"state\":\"RUNNING\""));
        String broken = EventCodec.encode(event).replace("\"RUNNING\"", "\"SLEEPING\"");
        InvalidEventException e = assertThrows(InvalidEventException.class, () -> EventCodec.decodeTrainingProgressed(broken));
        assertTrue(e.problems().get(0).startsWith("/state"), e.problems().toString());
    }

    @Test
    void aTrainingRunRequestRoundTripsAndABudgetOutOfRangeIsRejected() {
        TrainingRunRequested event = TrainingRunRequested.of(UUID.randomUUID(), "demo-university/alice", TrainingRunRequested.Reason.STEPPED, 25);

        assertEquals(event, EventCodec.decodeTrainingRunRequested(EventCodec.encode(event)));
        TrainingRunRequested untilTheEnd = TrainingRunRequested.of(UUID.randomUUID(), "demo-university/bob", TrainingRunRequested.Reason.HANDED_OVER, null);
        assertEquals(untilTheEnd, EventCodec.decodeTrainingRunRequested(EventCodec.encode(untilTheEnd)));
        String broken = EventCodec.encode(event).replace("\"stepBudget\":25", "\"stepBudget\":0");
        InvalidEventException e = assertThrows(InvalidEventException.class, () -> EventCodec.decodeTrainingRunRequested(broken));
        assertTrue(e.problems().get(0).startsWith("/stepBudget"), e.problems().toString());
        String guessed = EventCodec.encode(event).replace("\"STEPPED\"", "\"GUESSED\"");
        InvalidEventException reason = assertThrows(InvalidEventException.class, () -> EventCodec.decodeTrainingRunRequested(guessed));
        assertTrue(reason.problems().get(0).startsWith("/reason"), reason.problems().toString());
    }

    @Test
    void moduleRegisteredRoundTripsWithLowerCaseStatusAndAnUnknownStatusIsRejected() {
        ModuleRegistered event = ModuleRegistered.of("journey-map", "1.0.0", 1, ModuleRegistered.Status.unhealthy,
                "http://127.0.0.1:8080/modules/journey-map/1.0.0/module.json", null, Instant.parse("2026-01-02T03:04:05Z"));

        String json = EventCodec.encode(event);
        assertTrue(json.contains("\"status\":\"unhealthy\""), json);
        assertTrue(!json.contains("posterUrl"), json);
        assertEquals(event, EventCodec.decodeModuleRegistered(json));
        InvalidEventException e = assertThrows(InvalidEventException.class,
                () -> EventCodec.decodeModuleRegistered(json.replace("\"unhealthy\"", "\"sleeping\"")));
        assertTrue(e.problems().get(0).startsWith("/status"), e.problems().toString());
        assertThrows(InvalidEventException.class, () -> EventCodec.encode(ModuleRegistered.of("Bad Id", "1.0.0", 1,
                ModuleRegistered.Status.registered, "http://x/m.json", null, Instant.now())));
    }

    private static String fixture(String name) {
        try (InputStream in = EventCodecTest.class.getResourceAsStream("/fixtures/" + name + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
