package org.nslab.events;

import java.time.Instant;
import java.util.UUID;
import org.nslab.events.LearningEventRecorded.Statement;

/**
 * The quiz service graded one answer. The statement is xAPI-shaped (verb {@code answered}, object the
 * question, result with score, success and the response) so it can be forwarded to a learning record
 * store as is; the other fields say which quiz and target it belongs to.
 * Contract: {@code schemas/quiz-attempt-graded.v1.json}; topic {@link Topics#QUIZ_ATTEMPT_GRADED}, keyed by learner.
 *
 * @param id            event id (also the xAPI statement id and the attempt id); consumers deduplicate on it
 * @param key           the learner, {@code tenant/actorId} on the wire
 * @param quizId        the quiz the question belongs to
 * @param questionCount how many questions the quiz has, so consumers can compute mastery
 * @param passScore     share of the quiz's questions answered correctly at which it counts as mastered
 * @param targetKind    what the quiz is about: level, stage or component
 * @param targetId      its id
 * @param attemptNumber 1 for the first attempt at this question
 * @param releaseId     the content release the question came from
 */
public record QuizAttemptGraded(UUID id, Instant time, int schemaVersion, ActorKey key, Statement statement, String quizId,
                                int questionCount, double passScore, TargetKind targetKind, String targetId, int attemptNumber,
                                String releaseId) {

    public static final int SCHEMA_VERSION = 1;
    public static final String SCHEMA = "quiz-attempt-graded.v1";
}
