package org.nslab.gateway.learning;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Type;
import org.nslab.contracts.UserError;
import org.nslab.gateway.learning.CohortTypes.Cohort;
import org.nslab.gateway.learning.CohortTypes.LearningMetrics;
import org.nslab.gateway.upstream.analytics.AnalyticsApi;
import org.nslab.gateway.upstream.analytics.AnalyticsApi.CohortResult;
import org.nslab.gateway.upstream.analytics.AnalyticsApi.ExportResult;
import org.nslab.gateway.upstream.analytics.AnalyticsApi.MetricsResult;
import org.nslab.gateway.upstream.analytics.AnalyticsUpstream;

/**
 * Cohort dashboards and exports. The analytics service decides what the caller may see (institution →
 * course → cohort) from the viewer the gateway verified.
 */
@GraphQLApi
public class LearningCohortGraphQlApi {

    private final AnalyticsUpstream analytics;
    private final SecurityIdentity identity;

    public LearningCohortGraphQlApi(AnalyticsUpstream analytics, SecurityIdentity identity) {
        this.analytics = analytics;
        this.identity = identity;
    }

    @Input("CreateCohortInput")
    public record CreateCohortInput(@NonNull @Description("Course id, e.g. llm-101") String course, @NonNull String name,
                                    @Description("Further instructors (tenant/actorId) of the same institution") List<String> instructorKeys) {
    }

    @Input("EnrolInCohortInput")
    public record EnrolInCohortInput(@NonNull String cohortId, @NonNull @Description("tenant/actorId of learners of the same institution")
                                     List<@NonNull String> actorKeys) {
    }

    @Input("LearningMetricsInput")
    @Description("At most one scope: a cohort, a course, or the whole institution (admins); none means the caller alone.")
    public record LearningMetricsInput(String cohortId, String course, Boolean institution) {
    }

    @Input("CohortStatementsInput")
    public record CohortStatementsInput(@NonNull String cohortId, @DefaultValue("1000") int first) {
    }

    @Type("CohortPayload")
    public record CohortPayload(Cohort cohort, @NonNull List<@NonNull UserError> userErrors) {
    }

    @Type("LearningMetricsPayload")
    public record LearningMetricsPayload(LearningMetrics metrics, @NonNull List<@NonNull UserError> userErrors) {
    }

    @Type("ExportPayload")
    public record ExportPayload(@Description("JSON array of xAPI statements, or CSV") String content, @NonNull String contentType, int count,
                                @NonNull List<@NonNull UserError> userErrors) {
    }

    @Query("cohorts")
    @Description("The cohorts the caller may see: all of the institution for an admin, the taught ones for an instructor.")
    @RolesAllowed({"instructor", "admin"})
    public @NonNull List<@NonNull Cohort> cohorts() {
        return analytics.cohorts(new AnalyticsApi.CohortsInput(LearningCalls.viewer(identity)));
    }

    @Mutation("createCohort")
    @Description("Creates a cohort of a course in the caller's institution; an instructor creating it teaches it.")
    @RolesAllowed({"instructor", "admin"})
    public @NonNull CohortPayload createCohort(@NonNull @Name("input") CreateCohortInput input) {
        CohortResult r = analytics.createCohort(new AnalyticsApi.CreateCohortInput(
                LearningCalls.viewer(identity), input.course(), input.name(), input.instructorKeys()));
        return new CohortPayload(r.cohort(), LearningCalls.errors(r.userErrors()));
    }

    @Mutation("enrolInCohort")
    @Description("Enrols learners of the caller's institution in a cohort the caller teaches or administers.")
    @RolesAllowed({"instructor", "admin"})
    public @NonNull CohortPayload enrolInCohort(@NonNull @Name("input") EnrolInCohortInput input) {
        CohortResult r = analytics.enrolInCohort(new AnalyticsApi.EnrolInCohortInput(
                LearningCalls.viewer(identity), input.cohortId(), input.actorKeys()));
        return new CohortPayload(r.cohort(), LearningCalls.errors(r.userErrors()));
    }

    @Query("learningMetrics")
    @Description("Session length, levels explored, completion and return rates, comprehension, item difficulty, common wrong answers "
            + "and drop-off for a scope the caller may see; a learner sees only themself.")
    @RolesAllowed({"learner", "instructor", "admin", "guest"})
    public @NonNull LearningMetricsPayload learningMetrics(@Name("input") LearningMetricsInput input) {
        MetricsResult r = analytics.learningMetrics(metricsInput(input));
        return new LearningMetricsPayload(r.metrics(), LearningCalls.errors(r.userErrors()));
    }

    @Query("learningMetricsCsv")
    @Description("The same metrics as CSV (metric,item,value).")
    @RolesAllowed({"learner", "instructor", "admin", "guest"})
    public @NonNull ExportPayload learningMetricsCsv(@Name("input") LearningMetricsInput input) {
        return export(analytics.learningMetricsCsv(metricsInput(input)));
    }

    @Query("cohortStatements")
    @Description("A cohort's statements as xAPI 1.0.3 JSON, for an institution's learning record store.")
    @RolesAllowed({"instructor", "admin"})
    public @NonNull ExportPayload cohortStatements(@NonNull @Name("input") CohortStatementsInput input) {
        return export(analytics.cohortStatements(
                new AnalyticsApi.CohortStatementsInput(LearningCalls.viewer(identity), input.cohortId(), input.first())));
    }

    private AnalyticsApi.LearningMetricsInput metricsInput(LearningMetricsInput input) {
        LearningMetricsInput in = input == null ? new LearningMetricsInput(null, null, null) : input;
        return new AnalyticsApi.LearningMetricsInput(LearningCalls.viewer(identity), in.cohortId(), in.course(), in.institution());
    }

    private static ExportPayload export(ExportResult r) {
        return new ExportPayload(r.content(), r.contentType() == null ? "" : r.contentType(), r.count(), LearningCalls.errors(r.userErrors()));
    }
}
