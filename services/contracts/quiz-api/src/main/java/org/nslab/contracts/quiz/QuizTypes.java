package org.nslab.contracts.quiz;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.nslab.events.LearningEventRecorded.ActorKind;

/**
 * The quiz service's GraphQL inputs and types: the service answers with them, the gateway sends the inputs (with the
 * verified actor) and shows the types as they are (the public {@code quizzes}, {@code submitQuizAnswer},
 * {@code quizAttempt}; the public {@code AnswerInput} is this one).
 */
public final class QuizTypes {

    private QuizTypes() {
    }

    @Input("ActorInput")
    @Description("The learner the gateway verified.")
    public record ActorInput(@NonNull String id, @NonNull ActorKind kind, @NonNull String tenant) {
    }

    @Input("AnswerInput")
    @Description("Exactly one field, by question type: choiceId (SINGLE), choiceIds (MULTIPLE), number (NUMERIC, HANDS_ON), order (ORDERING).")
    public record AnswerInput(String choiceId, List<String> choiceIds, Double number, List<String> order) {
    }

    @Input("SubmitQuizAnswerInput")
    public record SubmitQuizAnswerInput(@NonNull ActorInput actor, @NonNull String questionId, @NonNull AnswerInput answer, String locale) {
    }

    @Input("QuizzesInput")
    public record QuizzesInput(@NonNull ActorInput actor, @NonNull List<@NonNull String> quizIds, String locale) {
    }

    @Input("QuizAttemptInput")
    public record QuizAttemptInput(@NonNull ActorInput actor, @NonNull String attemptId, String locale) {
    }

    @Type("QuizOption")
    public record QuizOption(@NonNull String id, @NonNull String text) {
    }

    @Type("QuizQuestion")
    @Description("A question without its answer; ordering items come in a scrambled order.")
    public record QuizQuestion(@NonNull String id, @NonNull String type, @NonNull String prompt, @NonNull List<@NonNull QuizOption> options,
                               String unit, int maxAttempts, int attemptsUsed, boolean solved) {
    }

    @Type("Quiz")
    public record QuizView(@NonNull String id, @NonNull String targetKind, @NonNull String targetId, int level, double passScore,
                           @NonNull List<@NonNull QuizQuestion> questions,
                           @Description("Questions answered correctly") int solvedCount,
                           @Description("solvedCount / questions") double mastery, boolean mastered) {
    }

    @Type("QuizAttempt")
    public record QuizAttempt(@NonNull String id, @NonNull String quizId, @NonNull String questionId, int attemptNumber, boolean correct,
                              double score, @NonNull String response, @NonNull Instant createdAt, @NonNull String message,
                              @Description("Given once the question is done: correct, or no attempts left") String explanation,
                              @Description("Given with the explanation") String correctAnswer, int attemptsLeft) {
    }
}
