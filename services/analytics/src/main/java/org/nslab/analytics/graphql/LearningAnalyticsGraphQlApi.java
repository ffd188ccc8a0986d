package org.nslab.analytics.graphql;

import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Type;
import org.nslab.analytics.export.MetricsCsv;
import org.nslab.analytics.metrics.LearningMetrics;
import org.nslab.analytics.scope.Cohort;
import org.nslab.analytics.scope.LearningScopeService;
import org.nslab.analytics.scope.LearningScopeService.Outcome;
import org.nslab.analytics.scope.Viewer;
import org.nslab.events.ActorKey;

/**
 * Internal API for cohorts, metrics and exports. The gateway calls it with its service account and
 * passes the viewer it verified (key, institution, roles); this service decides what the viewer may see.
 */
@GraphQLApi
@RolesAllowed("service")
public class LearningAnalyticsGraphQlApi {

    private final LearningScopeService scope;

    public LearningAnalyticsGraphQlApi(LearningScopeService scope) {
        this.scope = scope;
    }

    @Input("ViewerInput")
    @Description("The caller as the gateway verified it from the token.")
    public record ViewerInput(@NonNull String actorKey, @NonNull String tenant, @NonNull List<@NonNull String> roles) {
    }

    @Input("CreateCohortInput")
    public record CreateCohortInput(@NonNull ViewerInput viewer, @NonNull String course, @NonNull String name, List<String> instructorKeys) {
    }

    @Input("EnrolInCohortInput")
    public record EnrolInCohortInput(@NonNull ViewerInput viewer, @NonNull String cohortId, @NonNull List<@NonNull String> actorKeys) {
    }

    @Input("CohortsInput")
    public record CohortsInput(@NonNull ViewerInput viewer) {
    }

    @Input("LearningMetricsInput")
    @Description("One scope at most: cohortId, course or institution; none means the viewer alone.")
    public record LearningMetricsInput(@NonNull ViewerInput viewer, String cohortId, String course,
                                       @Description("true: the whole institution (admins)") Boolean institution) {
    }

    @Input("CohortStatementsInput")
    public record CohortStatementsInput(@NonNull ViewerInput viewer, @NonNull String cohortId, @DefaultValue("1000") int first) {
    }

    @Type("UserError")
    public record UserError(@NonNull List<@NonNull String> field, @NonNull String message, @NonNull String code) {
    }

    @Type("Cohort")
    public record CohortView(@NonNull String id, @NonNull String tenant, @NonNull String course, @NonNull String name,
                             @NonNull List<@NonNull String> instructorKeys, @NonNull List<@NonNull String> learnerKeys, @NonNull Instant createdAt) {
    }

    @Type("CohortPayload")
    public record CohortPayload(CohortView cohort, @NonNull List<@NonNull UserError> userErrors) {
    }

    @Type("LearningMetricsPayload")
    public record LearningMetricsPayload(LearningMetrics metrics, @NonNull List<@NonNull UserError> userErrors) {
    }

    @Type("ExportPayload")
    public record ExportPayload(@Description("The export's text: a JSON array of xAPI statements, or CSV") String content,
                                @NonNull String contentType, int count, @NonNull List<@NonNull UserError> userErrors) {
    }

    @Mutation("createCohort")
    @Description("An instructor (who then teaches it) or an admin creates a cohort of a course in their institution.")
    public @NonNull CohortPayload createCohort(@NonNull @Name("input") CreateCohortInput input) {
        return cohortPayload(checkViewer(input.viewer()), () -> scope.create(viewer(input.viewer()), input.course(), input.name(),
                input.instructorKeys() == null ? List.of() : input.instructorKeys()));
    }

    @Mutation("enrolInCohort")
    @Description("Enrols learners of the same institution in a cohort the viewer teaches or administers; enrolling again changes nothing.")
    public @NonNull CohortPayload enrolInCohort(@NonNull @Name("input") EnrolInCohortInput input) {
        return cohortPayload(checkViewer(input.viewer()), () -> scope.enrol(viewer(input.viewer()), input.cohortId(), input.actorKeys()));
    }

    @Query("cohorts")
    @Description("The cohorts the viewer may see: all of the institution for an admin, the taught ones for an instructor, none for a learner.")
    public @NonNull List<@NonNull CohortView> cohorts(@NonNull @Name("input") CohortsInput input) {
        if (checkViewer(input.viewer()) != null) {
            return List.of();
        }
        return scope.visibleCohorts(viewer(input.viewer())).stream().map(LearningAnalyticsGraphQlApi::view).toList();
    }

    @Query("learningMetrics")
    @Description("Average session length, levels per learner, completion and return rates, comprehension per stage and component, "
            + "item difficulty with the most common wrong answers, and drop-off, for the scope the viewer may see.")
    public @NonNull LearningMetricsPayload learningMetrics(@NonNull @Name("input") LearningMetricsInput input) {
        UserError invalid = checkViewer(input.viewer());
        if (invalid != null) {
            return new LearningMetricsPayload(null, List.of(invalid));
        }
        Outcome<LearningMetrics> m = scope.metrics(viewer(input.viewer()), input.cohortId(), input.course(),
                Boolean.TRUE.equals(input.institution()));
        return new LearningMetricsPayload(m.value(), errors(m));
    }

    @Query("learningMetricsCsv")
    @Description("The same metrics as CSV (metric,item,value).")
    public @NonNull ExportPayload learningMetricsCsv(@NonNull @Name("input") LearningMetricsInput input) {
        LearningMetricsPayload m = learningMetrics(input);
        return m.metrics() == null ? new ExportPayload(null, "text/csv", 0, m.userErrors())
                : new ExportPayload(MetricsCsv.of(m.metrics()), "text/csv", (int) MetricsCsv.of(m.metrics()).lines().count() - 1, List.of());
    }

    @Query("cohortStatements")
    @Description("A cohort's statements as a JSON array of xAPI 1.0.3 statements (at most 10,000), oldest first.")
    public @NonNull ExportPayload cohortStatements(@NonNull @Name("input") CohortStatementsInput input) {
        UserError invalid = checkViewer(input.viewer());
        if (invalid != null) {
            return new ExportPayload(null, "application/json", 0, List.of(invalid));
        }
        var statements = scope.statements(viewer(input.viewer()), input.cohortId(), input.first());
        return statements.value() == null ? new ExportPayload(null, "application/json", 0, errors(statements))
                : new ExportPayload(statements.value().toString(), "application/json", statements.value().size(), List.of());
    }

    private static CohortPayload cohortPayload(UserError invalid, java.util.function.Supplier<Outcome<Cohort>> action) {
        if (invalid != null) {
            return new CohortPayload(null, List.of(invalid));
        }
        Outcome<Cohort> outcome = action.get();
        return new CohortPayload(outcome.value() == null ? null : view(outcome.value()), errors(outcome));
    }

    private static List<UserError> errors(Outcome<?> outcome) {
        return outcome.problems().stream().map(p -> new UserError(p.field(), p.message(), p.code())).toList();
    }

    private static UserError checkViewer(ViewerInput viewer) {
        if (ActorKey.tryParse(viewer.actorKey()).filter(k -> k.tenant().equals(viewer.tenant())).isEmpty()) {
            return new UserError(List.of("input", "viewer"), "the viewer's key must be tenant/actorId in the viewer's tenant", "INVALID_VIEWER");
        }
        return null;
    }

    private static Viewer viewer(ViewerInput input) {
        return new Viewer(input.actorKey(), input.tenant(), Set.copyOf(input.roles()));
    }

    private static CohortView view(Cohort c) {
        return new CohortView(c.id().toString(), c.tenant(), c.course(), c.name(), c.instructorKeys(), c.learnerKeys(), c.createdAt());
    }
}
