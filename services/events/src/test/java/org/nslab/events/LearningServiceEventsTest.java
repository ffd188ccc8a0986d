package org.nslab.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
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

    static QuizAttemptGraded graded(double score, int questionCount, TargetKind targetKind) {
        Statement statement = new Statement(ALICE, LearningVerb.ANSWERED.toStatementVerb(),
                new ActivityObject("attn-scale", ObjectType.QUESTION, null), new Result(score, score == 1.0, true, null, "choice:a"),
                new Context(3, null, null, "en"), Instant.parse("2026-11-29T10:00:00Z"));
        return new QuizAttemptGraded(UUID.randomUUID(), Instant.now(), 1, ActorKey.of(ALICE), statement, "quiz-component-attention",
                questionCount, 0.6, targetKind, "attention", 1, "0123456789abcdef");
    }

    @Test
    void aGradedAttemptRoundTrips() {
        QuizAttemptGraded event = graded(1.0, 2, TargetKind.COMPONENT);
        assertTrue(EventCodec.encode(event).contains("\"targetKind\":\"component\""), "lower case on the wire");
        assertEquals(event, EventCodec.decodeQuizAttemptGraded(EventCodec.encode(event)));
    }

    @Test
    void aGradedAttemptWithAnUnknownTargetKindOrNoQuestionsIsRefused() {
        String planet = EventCodec.encode(graded(1.0, 2, TargetKind.STAGE)).replace("\"targetKind\":\"stage\"", "\"targetKind\":\"planet\"");
        InvalidEventException kind = assertThrows(InvalidEventException.class, () -> EventCodec.decodeQuizAttemptGraded(planet));
        assertTrue(kind.problems().stream().anyMatch(p -> p.startsWith("/targetKind")), kind.problems().toString());
        String upper = planet.replace("\"targetKind\":\"planet\"", "\"targetKind\":\"STAGE\"");
        assertThrows(InvalidEventException.class, () -> EventCodec.decodeQuizAttemptGraded(upper), "the wire spelling is lower case");
        InvalidEventException count = assertThrows(InvalidEventException.class, () -> EventCodec.encode(graded(1.0, 0, TargetKind.STAGE)));
        assertTrue(count.problems().stream().anyMatch(p -> p.startsWith("/questionCount")), count.problems().toString());
    }

    @Test
    void milestoneIdsAreTheSameForTheSameLearnerAndMilestone() {
        ActorKey alice = ActorKey.of(ALICE);
        UUID id = MilestoneReached.idOf(alice, MilestoneKind.QUIZ_MASTERED, "quiz-stage-data");
        assertEquals(id, MilestoneReached.idOf(ActorKey.parse("demo-university/alice"), MilestoneKind.QUIZ_MASTERED, "quiz-stage-data"));
        assertEquals(UUID.nameUUIDFromBytes("milestone|demo-university/alice|QUIZ_MASTERED|quiz-stage-data".getBytes(StandardCharsets.UTF_8)), id,
                "the same id as when the key and the milestone were strings, so milestones announced before are not announced again");
        MilestoneReached event = new MilestoneReached(id, Instant.now(), 1, alice, ALICE, MilestoneKind.QUIZ_MASTERED, "quiz-stage-data");
        String json = EventCodec.encode(event);
        assertTrue(json.contains("\"key\":\"demo-university/alice\"") && json.contains("\"milestone\":\"QUIZ_MASTERED\""), json);
        assertEquals(event, EventCodec.decodeMilestoneReached(json));
        InvalidEventException unknown = assertThrows(InvalidEventException.class,
                () -> EventCodec.decodeMilestoneReached(json.replace("QUIZ_MASTERED", "BECAME_FAMOUS")));
        assertTrue(unknown.problems().stream().anyMatch(p -> p.startsWith("/milestone")), unknown.problems().toString());
    }

    @Test
    void aMergeNamesAGuestKey() {
        UUID guestId = UUID.randomUUID();
        ActorKey guest = ActorKey.guest(guestId);
        ActorKey alice = ActorKey.of(ALICE);
        GuestProgressMerged merged = new GuestProgressMerged(GuestProgressMerged.idOf(guest, alice), Instant.now(), 1, alice, guest, 3);
        String json = EventCodec.encode(merged);
        assertTrue(json.contains("\"guestKey\":\"public/guest-" + guestId + "\""), json);
        assertEquals(merged, EventCodec.decodeGuestProgressMerged(json));
        assertThrows(InvalidEventException.class, () -> EventCodec.encode(new GuestProgressMerged(UUID.randomUUID(), Instant.now(), 1,
                alice, ActorKey.parse("demo-university/bob"), 3)));
    }
}
