package org.nslab.quiz.graphql;

import java.util.List;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.nslab.contracts.UserError;
import org.nslab.contracts.quiz.QuizTypes.QuizAttempt;
import org.nslab.contracts.quiz.QuizTypes.QuizView;

/** The quiz API's payloads; their types are the contract's ({@code services/contracts/quiz-api}). */
public final class QuizPayloads {

    private QuizPayloads() {
    }

    @Type("SubmitQuizAnswerPayload")
    public record SubmitQuizAnswerPayload(QuizAttempt attempt, @NonNull List<@NonNull UserError> userErrors) {
    }

    @Type("QuizzesPayload")
    public record QuizzesPayload(@NonNull List<@NonNull QuizView> quizzes, @NonNull List<@NonNull UserError> userErrors) {
    }

    @Type("QuizAttemptPayload")
    public record QuizAttemptPayload(QuizAttempt attempt, @NonNull List<@NonNull UserError> userErrors) {
    }
}
