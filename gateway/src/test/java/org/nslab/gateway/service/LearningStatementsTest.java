package org.nslab.gateway.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nslab.contracts.UserError;
import org.nslab.events.LearningEventRecorded.Actor;
import org.nslab.events.LearningEventRecorded.ActorKind;
import org.nslab.events.LearningEventRecorded.ObjectType;
import org.nslab.events.LearningVerb;
import org.nslab.gateway.graphql.RecordLearningEventInput;
import org.nslab.gateway.graphql.RecordLearningEventInput.ContextInput;
import org.nslab.gateway.graphql.RecordLearningEventInput.ResultInput;

class LearningStatementsTest {

    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    private static final Actor ALICE = new Actor("0b7f36a6-alice", ActorKind.LEARNER, "demo-university");

    @Test
    void aValidInputBecomesAnEventOfTheCallerWithTheGivenId() {
        var input = new RecordLearningEventInput("6f1c1b8e-3a2e-4c1f-9d43-2b8f2f0a7c11", LearningVerb.ANSWERED,
                "quiz:training/q3", ObjectType.QUESTION, null, new ResultInput(1.0, true, null, 3000L, "b"),
                new ContextInput(2, "stage-theatres", null, "en"), NOW.minusSeconds(10));

        var outcome = LearningStatements.build(input, ALICE, NOW);

        assertTrue(outcome.valid(), outcome.errors().toString());
        assertEquals("6f1c1b8e-3a2e-4c1f-9d43-2b8f2f0a7c11", outcome.event().id().toString());
        assertEquals("demo-university/0b7f36a6-alice", outcome.event().key().toString());
        assertEquals(NOW, outcome.event().time());
        assertEquals(NOW.minusSeconds(10), outcome.event().statement().timestamp());
    }

    @Test
    void withoutIdAndTimestampTheEventGetsAFreshIdAndNow() {
        var outcome = LearningStatements.build(minimal("level:1"), ALICE, NOW);

        assertTrue(outcome.valid());
        assertEquals(NOW, outcome.event().statement().timestamp());
    }

    @Test
    void everyBadFieldIsNamedByItsInputPath() {
        var input = new RecordLearningEventInput("not-a-uuid", LearningVerb.ANSWERED, "Quiz Q3", ObjectType.QUESTION,
                "x".repeat(201), new ResultInput(2.0, null, null, -1L, null), new ContextInput(9, "Bad Module", null, "english"),
                NOW.plus(Duration.ofHours(1)));

        var outcome = LearningStatements.build(input, ALICE, NOW);

        assertFalse(outcome.valid());
        List<List<String>> fields = outcome.errors().stream().map(UserError::field).toList();
        assertEquals(List.of(
                List.of("input", "id"),
                List.of("input", "timestamp"),
                List.of("input", "context", "level"),
                List.of("input", "context", "locale"),
                List.of("input", "context", "moduleId"),
                List.of("input", "objectId"),
                List.of("input", "objectName"),
                List.of("input", "result", "durationMs"),
                List.of("input", "result", "scoreScaled")), fields);
        assertEquals("TIMESTAMP_IN_FUTURE", outcome.errors().get(1).code());
        assertTrue(outcome.errors().get(8).message().startsWith("scoreScaled "), outcome.errors().get(8).message());
    }

    @Test
    void aTimestampOlderThanThirtyDaysIsRefused() {
        var input = new RecordLearningEventInput(null, LearningVerb.LAUNCHED, "level:1", ObjectType.LEVEL, null, null, null,
                NOW.minus(Duration.ofDays(31)));

        var outcome = LearningStatements.build(input, ALICE, NOW);

        assertEquals(List.of("TIMESTAMP_TOO_OLD"), outcome.errors().stream().map(UserError::code).toList());
    }

    private static RecordLearningEventInput minimal(String objectId) {
        return new RecordLearningEventInput(null, LearningVerb.LAUNCHED, objectId, ObjectType.LEVEL, null, null, null, null);
    }
}
