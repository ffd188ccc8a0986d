package org.nslab.gateway.upstream.analytics;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.nslab.gateway.learning.CohortTypes;
import org.nslab.gateway.upstream.Upstream;
import org.nslab.gateway.upstream.analytics.AnalyticsApi.CohortResult;
import org.nslab.gateway.upstream.analytics.AnalyticsApi.CohortStatementsInput;
import org.nslab.gateway.upstream.analytics.AnalyticsApi.CohortsInput;
import org.nslab.gateway.upstream.analytics.AnalyticsApi.CreateCohortInput;
import org.nslab.gateway.upstream.analytics.AnalyticsApi.EnrolInCohortInput;
import org.nslab.gateway.upstream.analytics.AnalyticsApi.ExportResult;
import org.nslab.gateway.upstream.analytics.AnalyticsApi.LearnerActivity;
import org.nslab.gateway.upstream.analytics.AnalyticsApi.LearningMetricsInput;
import org.nslab.gateway.upstream.analytics.AnalyticsApi.MetricsResult;

/** The gateway's one client of the analytics service: the viewer's activity, cohorts, metrics and exports. */
@ApplicationScoped
public class AnalyticsUpstream {

    public static final String SERVICE = "analytics";

    private final AnalyticsApi api;
    private final Upstream upstream;

    public AnalyticsUpstream(AnalyticsApi api, Upstream upstream) {
        this.api = api;
        this.upstream = upstream;
    }

    public List<LearnerActivity> learnerActivities(List<String> actorKeys) {
        return upstream.call(SERVICE, "learnerActivities", () -> api.learnerActivities(actorKeys));
    }

    public List<CohortTypes.Cohort> cohorts(CohortsInput input) {
        return upstream.call(SERVICE, "cohorts", () -> api.cohorts(input));
    }

    public CohortResult createCohort(CreateCohortInput input) {
        return upstream.call(SERVICE, "createCohort", () -> api.createCohort(input));
    }

    public CohortResult enrolInCohort(EnrolInCohortInput input) {
        return upstream.call(SERVICE, "enrolInCohort", () -> api.enrolInCohort(input));
    }

    public MetricsResult learningMetrics(LearningMetricsInput input) {
        return upstream.call(SERVICE, "learningMetrics", () -> api.learningMetrics(input));
    }

    public ExportResult learningMetricsCsv(LearningMetricsInput input) {
        return upstream.call(SERVICE, "learningMetricsCsv", () -> api.learningMetricsCsv(input));
    }

    public ExportResult cohortStatements(CohortStatementsInput input) {
        return upstream.call(SERVICE, "cohortStatements", () -> api.cohortStatements(input));
    }
}
