package org.nslab.gateway.learning;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Type;
import org.nslab.contracts.UserError;
import org.nslab.contracts.quiz.QuizTypes;
import org.nslab.contracts.quiz.QuizTypes.AnswerInput;
import org.nslab.contracts.quiz.QuizTypes.QuizAttempt;
import org.nslab.contracts.quiz.QuizTypes.QuizView;
import org.nslab.gateway.upstream.quiz.QuizApi.AttemptResult;
import org.nslab.gateway.upstream.quiz.QuizApi.QuizzesResult;
import org.nslab.gateway.upstream.quiz.QuizUpstream;

/** Quizzes and attempts, graded by the quiz service for the verified caller. */
@GraphQLApi
public class LearningQuizGraphQlApi {

    private final QuizUpstream quiz;
    private final SecurityIdentity identity;

    public LearningQuizGraphQlApi(QuizUpstream quiz, SecurityIdentity identity) {
        this.quiz = quiz;
        this.identity = identity;
    }

    @Input("QuizzesInput")
    public record QuizzesInput(@NonNull List<@NonNull String> quizIds, String locale) {
    }

    @Input("SubmitQuizAnswerInput")
    public record SubmitQuizAnswerInput(@NonNull String questionId,
                                        @NonNull @Description("Exactly one of choiceId, choiceIds, number, order") AnswerInput answer,
                                        String locale) {
    }

    @Input("QuizAttemptInput")
    public record QuizAttemptInput(@NonNull String attemptId, String locale) {
    }

    @Type("QuizzesPayload")
    public record QuizzesPayload(@NonNull List<@NonNull QuizView> quizzes, @NonNull List<@NonNull UserError> userErrors) {
    }

    @Type("SubmitQuizAnswerPayload")
    public record SubmitQuizAnswerPayload(QuizAttempt attempt, @NonNull List<@NonNull UserError> userErrors) {
    }

    @Type("QuizAttemptPayload")
    public record QuizAttemptPayload(QuizAttempt attempt, @NonNull List<@NonNull UserError> userErrors) {
    }

    @Query("quizzes")
    @Description("Quizzes (at most 50) with the caller's state per question; never the answers.")
    @RolesAllowed({"learner", "instructor", "admin", "guest"})
    public @NonNull QuizzesPayload quizzes(@NonNull @Name("input") QuizzesInput input) {
        QuizzesResult r = quiz.quizzes(
                new QuizTypes.QuizzesInput(LearningCalls.actor(identity), input.quizIds(), input.locale()));
        return new QuizzesPayload(r.quizzes() == null ? List.of() : r.quizzes(), LearningCalls.errors(r.userErrors()));
    }

    @Mutation("submitQuizAnswer")
    @Description("Grades the caller's answer on the server; feedback, and the explanation once the question is done.")
    @RolesAllowed({"learner", "instructor", "admin", "guest"})
    public @NonNull SubmitQuizAnswerPayload submitQuizAnswer(@NonNull @Name("input") SubmitQuizAnswerInput input) {
        AttemptResult r = quiz.submitQuizAnswer(new QuizTypes.SubmitQuizAnswerInput(
                LearningCalls.actor(identity), input.questionId(), input.answer(), input.locale()));
        return new SubmitQuizAnswerPayload(r.attempt(), LearningCalls.errors(r.userErrors()));
    }

    @Query("quizAttempt")
    @Description("One of the caller's own attempts; another learner's attempt is refused.")
    @RolesAllowed({"learner", "instructor", "admin", "guest"})
    public @NonNull QuizAttemptPayload quizAttempt(@NonNull @Name("input") QuizAttemptInput input) {
        AttemptResult r = quiz.quizAttempt(
                new QuizTypes.QuizAttemptInput(LearningCalls.actor(identity), input.attemptId(), input.locale()));
        return new QuizAttemptPayload(r.attempt(), LearningCalls.errors(r.userErrors()));
    }
}
