package org.nslab.gateway.upstream.analytics;

import io.smallrye.graphql.client.typesafe.api.GraphQLClientApi;
import io.smallrye.graphql.client.typesafe.api.Header;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.nslab.contracts.UserError;
import org.nslab.gateway.learning.CohortTypes;
import org.nslab.gateway.upstream.ServiceTokens;

/**
 * The analytics service's internal GraphQL API as a typed client (activity counts, cohorts, metrics, exports); only
 * {@link AnalyticsUpstream} calls it.
 */
@GraphQLClientApi(configKey = "analytics")
@Header(name = "Authorization", method = "bearer")
public interface AnalyticsApi {

    static String bearer() {
        return ServiceTokens.bearer();
    }

    @Query("learnerActivities")
    Uni<List<LearnerActivity>> learnerActivities(@NonNull List<@NonNull String> actorKeys);

    @Query("cohorts")
    Uni<List<CohortTypes.Cohort>> cohorts(@NonNull @Name("input") CohortsInput input);

    @Mutation("createCohort")
    Uni<CohortResult> createCohort(@NonNull @Name("input") CreateCohortInput input);

    @Mutation("enrolInCohort")
    Uni<CohortResult> enrolInCohort(@NonNull @Name("input") EnrolInCohortInput input);

    @Query("learningMetrics")
    Uni<MetricsResult> learningMetrics(@NonNull @Name("input") LearningMetricsInput input);

    @Query("learningMetricsCsv")
    Uni<ExportResult> learningMetricsCsv(@NonNull @Name("input") LearningMetricsInput input);

    @Query("cohortStatements")
    Uni<ExportResult> cohortStatements(@NonNull @Name("input") CohortStatementsInput input);

    record LearnerActivity(String actorKey, long eventCount, Instant lastEventAt, List<VerbCount> verbs) {
    }

    record VerbCount(String verb, long count) {
    }

    @Input("ViewerInput")
    record ViewerInput(String actorKey, String tenant, List<String> roles) {
    }

    @Input("CohortsInput")
    record CohortsInput(ViewerInput viewer) {
    }

    @Input("CreateCohortInput")
    record CreateCohortInput(ViewerInput viewer, String course, String name, List<String> instructorKeys) {
    }

    @Input("EnrolInCohortInput")
    record EnrolInCohortInput(ViewerInput viewer, String cohortId, List<String> actorKeys) {
    }

    @Input("LearningMetricsInput")
    record LearningMetricsInput(ViewerInput viewer, String cohortId, String course, Boolean institution) {
    }

    @Input("CohortStatementsInput")
    record CohortStatementsInput(ViewerInput viewer, String cohortId, int first) {
    }

    record CohortResult(CohortTypes.Cohort cohort, List<UserError> userErrors) {
    }

    record MetricsResult(CohortTypes.LearningMetrics metrics, List<UserError> userErrors) {
    }

    record ExportResult(String content, String contentType, int count, List<UserError> userErrors) {
    }
}
