package org.nslab.gateway.learning;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** Quizzes as the quiz service serves them: questions without answers, attempts with feedback. */
public final class QuizTypes {

    private QuizTypes() {
    }

    @Type("QuizOption")
    public record QuizOption(@NonNull String id, @NonNull String text) {
    }

    @Type("QuizQuestion")
    public record QuizQuestion(@NonNull String id, @NonNull String type, @NonNull String prompt, @NonNull List<@NonNull QuizOption> options,
                               String unit, int maxAttempts, int attemptsUsed, boolean solved) {
    }

    @Type("Quiz")
    public record Quiz(@NonNull String id, @NonNull String targetKind, @NonNull String targetId, int level, double passScore,
                       @NonNull List<@NonNull QuizQuestion> questions, int solvedCount, double mastery, boolean mastered) {
    }

    @Type("QuizAttempt")
    public record QuizAttempt(@NonNull String id, @NonNull String quizId, @NonNull String questionId, int attemptNumber, boolean correct,
                              double score, @NonNull String response, @NonNull Instant createdAt, @NonNull String message,
                              @Description("Given once the question is done: correct, or no attempts left") String explanation,
                              String correctAnswer, int attemptsLeft) {
    }
}
