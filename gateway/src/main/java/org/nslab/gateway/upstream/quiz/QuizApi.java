package org.nslab.gateway.upstream.quiz;

import io.smallrye.graphql.client.typesafe.api.GraphQLClientApi;
import io.smallrye.graphql.client.typesafe.api.Header;
import io.smallrye.mutiny.Uni;
import java.util.List;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.nslab.contracts.UserError;
import org.nslab.contracts.quiz.QuizTypes.QuizAttempt;
import org.nslab.contracts.quiz.QuizTypes.QuizAttemptInput;
import org.nslab.contracts.quiz.QuizTypes.QuizView;
import org.nslab.contracts.quiz.QuizTypes.QuizzesInput;
import org.nslab.contracts.quiz.QuizTypes.SubmitQuizAnswerInput;
import org.nslab.gateway.upstream.ServiceTokens;

/**
 * The quiz service's internal GraphQL API as a typed client (the gateway's service account; the verified actor travels
 * in the inputs); only {@link QuizUpstream} calls it. Inputs and types are the quiz service's own
 * ({@code services/contracts/quiz-api}).
 */
@GraphQLClientApi(configKey = "quiz")
@Header(name = "Authorization", method = "bearer")
public interface QuizApi {

    static String bearer() {
        return ServiceTokens.bearer();
    }

    @Query("quizzes")
    Uni<QuizzesResult> quizzes(@NonNull @Name("input") QuizzesInput input);

    @Mutation("submitQuizAnswer")
    Uni<AttemptResult> submitQuizAnswer(@NonNull @Name("input") SubmitQuizAnswerInput input);

    @Query("quizAttempt")
    Uni<AttemptResult> quizAttempt(@NonNull @Name("input") QuizAttemptInput input);

    record QuizzesResult(List<QuizView> quizzes, List<UserError> userErrors) {
    }

    record AttemptResult(QuizAttempt attempt, List<UserError> userErrors) {
    }
}
