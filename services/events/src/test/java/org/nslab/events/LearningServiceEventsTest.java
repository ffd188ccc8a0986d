package org.nslab.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.nslab.events.LearningEventRecorded.ActivityObject;
import org.nslab.events.LearningEventRecorded.Actor;
import org.nslab.events.LearningEventRecorded.ActorKind;
import org.nslab.events.LearningEventRecorded.Context;
import org.nslab.events.LearningEventRecorded.ObjectType;
import org.nslab.events.LearningEventRecorded.Result;
import org.nslab.events.LearningEventRecorded.Statement;

/** The contracts of the quiz and progress services: round trips and the fields the schemas guard. */
class LearningServiceEventsTest {

    private static final Actor ALICE = new Actor("alice", ActorKind.LEARNER, "demo-university");

    static QuizAttemptGraded graded(double score, int questionCount, String targetKind) {
        Statement statement = new Statement(ALICE, LearningVerb.ANSWERED.toStatementVerb(),
                new ActivityObject("attn-scale", ObjectType.QUESTION, null), new Result(score, score == 1.0, true, null, "choice:a"),
                new Context(3, null, null, "en"), Instant.parse("2026-11-29T10:00:00Z"));
        return new QuizAttemptGraded(UUID.randomUUID(), Instant.now(), 1, "demo-university/alice", statement, "quiz-component-attention",
                questionCount, 0.6, targetKind, "attention", 1, "0123456789abcdef");
    }

    @Test
    void aGradedAttemptRoundTrips() {
        QuizAttemptGraded event = graded(1.0, 2, "component");
        assertEquals(event, EventCodec.decodeQuizAttemptGraded(EventCodec.encode(event)));
    }

    @Test
    void aGradedAttemptWithAnUnknownTargetKindOrNoQuestionsIsRefused() {
        InvalidEventException kind = assertThrows(InvalidEventException.class, () -> EventCodec.encode(graded(1.0, 2, "planet")));
        assertTrue(kind.problems().stream().anyMatch(p -> p.startsWith("/targetKind")), kind.problems().toString());
        InvalidEventException count = assertThrows(InvalidEventException.class, () -> EventCodec.encode(graded(1.0, 0, "stage")));
        assertTrue(count.problems().stream().anyMatch(p -> p.startsWith("/questionCount")), count.problems().toString());
    }

    @Test
    void milestoneIdsAreTheSameForTheSameLearnerAndMilestone() {
        UUID id = MilestoneReached.idOf("demo-university/alice", "QUIZ_MASTERED", "quiz-stage-data");
        assertEquals(id, MilestoneReached.idOf("demo-university/alice", "QUIZ_MASTERED", "quiz-stage-data"));
        MilestoneReached event = new MilestoneReached(id, Instant.now(), 1, "demo-university/alice", ALICE, "QUIZ_MASTERED", "quiz-stage-data");
        assertEquals(event, EventCodec.decodeMilestoneReached(EventCodec.encode(event)));
        assertThrows(InvalidEventException.class, () -> EventCodec.encode(
                new MilestoneReached(id, Instant.now(), 1, "demo-university/alice", ALICE, "BECAME_FAMOUS", "x")));
    }

    @Test
    void aMergeNamesAGuestKey() {
        String guest = "public/guest-" + UUID.randomUUID();
        GuestProgressMerged merged = new GuestProgressMerged(GuestProgressMerged.idOf(guest, "demo-university/alice"), Instant.now(), 1,
                "demo-university/alice", guest, 3);
        assertEquals(merged, EventCodec.decodeGuestProgressMerged(EventCodec.encode(merged)));
        assertThrows(InvalidEventException.class, () -> EventCodec.encode(new GuestProgressMerged(UUID.randomUUID(), Instant.now(), 1,
                "demo-university/alice", "demo-university/bob", 3)));
    }
}
