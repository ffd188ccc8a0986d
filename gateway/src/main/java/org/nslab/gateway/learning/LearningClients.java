package org.nslab.gateway.learning;

import io.smallrye.graphql.client.typesafe.api.GraphQLClientApi;
import io.smallrye.graphql.client.typesafe.api.Header;
import java.util.List;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.nslab.gateway.client.AnalyticsClient;
import org.nslab.gateway.learning.CourseTypes.Course;
import org.nslab.gateway.learning.CourseTypes.ServiceError;

/**
 * Typed GraphQL clients of the learning services' internal APIs, called with the gateway's service
 * account; the verified actor travels in the inputs. Each input record carries its service's input type name
 * ({@code @Input}) and the services' non-null inputs are {@code @NonNull}: the typed client declares the variable from
 * both ({@code <Record>Input} without the annotation), and a mismatch fails the service's validation.
 */
public final class LearningClients {

    private LearningClients() {
    }

    static String bearer() {
        return AnalyticsClient.bearer();
    }

    // --- content

    @GraphQLClientApi(configKey = "content")
    @Header(name = "Authorization", method = "bearer")
    public interface ContentClient {
        static String bearer() {
            return LearningClients.bearer();
        }

        @Query("course")
        CourseResult course(@Name("input") CourseInput input);
    }

    @Input("CourseInput")
    public record CourseInput(String locale, String releaseId) {
    }

    public record CourseResult(Course course, List<ServiceError> userErrors) {
    }

    // --- quiz

    @GraphQLClientApi(configKey = "quiz")
    @Header(name = "Authorization", method = "bearer")
    public interface QuizClient {
        static String bearer() {
            return LearningClients.bearer();
        }

        @Query("quizzes")
        QuizzesResult quizzes(@NonNull @Name("input") QuizzesInput input);

        @Mutation("submitQuizAnswer")
        AttemptResult submitQuizAnswer(@NonNull @Name("input") SubmitQuizAnswerInput input);

        @Query("quizAttempt")
        AttemptResult quizAttempt(@NonNull @Name("input") QuizAttemptInput input);
    }

    @Input("ActorInput")
    public record ActorInput(String id, String kind, String tenant) {
    }

    @Input("AnswerInput")
    public record AnswerInput(String choiceId, List<String> choiceIds, Double number, List<String> order) {
    }

    @Input("QuizzesInput")
    public record QuizzesInput(ActorInput actor, List<String> quizIds, String locale) {
    }

    @Input("SubmitQuizAnswerInput")
    public record SubmitQuizAnswerInput(ActorInput actor, String questionId, AnswerInput answer, String locale) {
    }

    @Input("QuizAttemptInput")
    public record QuizAttemptInput(ActorInput actor, String attemptId, String locale) {
    }

    public record QuizzesResult(List<QuizTypes.Quiz> quizzes, List<ServiceError> userErrors) {
    }

    public record AttemptResult(QuizTypes.QuizAttempt attempt, List<ServiceError> userErrors) {
    }

    // --- progress

    @GraphQLClientApi(configKey = "progress")
    @Header(name = "Authorization", method = "bearer")
    public interface ProgressClient {
        static String bearer() {
            return LearningClients.bearer();
        }

        @Query("learnerProgress")
        ProgressResult learnerProgress(@NonNull @Name("input") LearnerProgressInput input);

        @Mutation("mergeGuestProgress")
        MergeResult mergeGuestProgress(@NonNull @Name("input") MergeGuestProgressInput input);
    }

    @Input("LearnerProgressInput")
    public record LearnerProgressInput(List<String> actorKeys) {
    }

    @Input("MergeGuestProgressInput")
    public record MergeGuestProgressInput(String guestActorKey, String accountActorKey) {
    }

    public record ProgressResult(List<ProgressTypes.LearnerProgress> learners, List<ServiceError> userErrors) {
    }

    public record MergeResult(String accountActorKey, long movedEvents, List<ServiceError> userErrors) {
    }

    // --- analytics: cohorts, metrics, exports

    @GraphQLClientApi(configKey = "cohorts")
    @Header(name = "Authorization", method = "bearer")
    public interface CohortClient {
        static String bearer() {
            return LearningClients.bearer();
        }

        @Query("cohorts")
        List<CohortTypes.Cohort> cohorts(@NonNull @Name("input") CohortsInput input);

        @Mutation("createCohort")
        CohortResult createCohort(@NonNull @Name("input") CreateCohortInput input);

        @Mutation("enrolInCohort")
        CohortResult enrolInCohort(@NonNull @Name("input") EnrolInCohortInput input);

        @Query("learningMetrics")
        MetricsResult learningMetrics(@NonNull @Name("input") LearningMetricsInput input);

        @Query("learningMetricsCsv")
        ExportResult learningMetricsCsv(@NonNull @Name("input") LearningMetricsInput input);

        @Query("cohortStatements")
        ExportResult cohortStatements(@NonNull @Name("input") CohortStatementsInput input);
    }

    @Input("ViewerInput")
    public record ViewerInput(String actorKey, String tenant, List<String> roles) {
    }

    @Input("CohortsInput")
    public record CohortsInput(ViewerInput viewer) {
    }

    @Input("CreateCohortInput")
    public record CreateCohortInput(ViewerInput viewer, String course, String name, List<String> instructorKeys) {
    }

    @Input("EnrolInCohortInput")
    public record EnrolInCohortInput(ViewerInput viewer, String cohortId, List<String> actorKeys) {
    }

    @Input("LearningMetricsInput")
    public record LearningMetricsInput(ViewerInput viewer, String cohortId, String course, Boolean institution) {
    }

    @Input("CohortStatementsInput")
    public record CohortStatementsInput(ViewerInput viewer, String cohortId, int first) {
    }

    public record CohortResult(CohortTypes.Cohort cohort, List<ServiceError> userErrors) {
    }

    public record MetricsResult(CohortTypes.LearningMetrics metrics, List<ServiceError> userErrors) {
    }

    public record ExportResult(String content, String contentType, int count, List<ServiceError> userErrors) {
    }
}
