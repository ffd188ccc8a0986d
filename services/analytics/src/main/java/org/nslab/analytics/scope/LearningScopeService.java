package org.nslab.analytics.scope;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.nslab.analytics.export.XapiStatements;
import org.nslab.analytics.metrics.LearningMetrics;
import org.nslab.analytics.metrics.MetricsRepository;
import org.nslab.events.ActorKey;

/**
 * Who may see what: institution → course → cohort. An admin sees every cohort of their institution
 * and the institution as a whole; an instructor sees the cohorts they teach; a learner sees themself.
 * Nobody sees another institution's cohort.
 */
@ApplicationScoped
public class LearningScopeService {

    /** A refusal or problem, with the input field it is about. */
    public record Problem(List<String> field, String message, String code) {
    }

    /** Either a value or problems. */
    public record Outcome<T>(T value, List<Problem> problems) {
        static <T> Outcome<T> ok(T value) {
            return new Outcome<>(value, List.of());
        }

        static <T> Outcome<T> refused(List<String> field, String message, String code) {
            return new Outcome<>(null, List.of(new Problem(field, message, code)));
        }
    }

    public static final int MAX_ENROL = 500;
    public static final int MAX_STATEMENTS = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CohortRepository cohorts;
    private final MetricsRepository metrics;
    private final DataSource dataSource;
    private final String baseUrl;

    public LearningScopeService(CohortRepository cohorts, MetricsRepository metrics, DataSource dataSource,
                                @ConfigProperty(name = "nslab.analytics.public-base-url") String baseUrl) {
        this.cohorts = cohorts;
        this.metrics = metrics;
        this.dataSource = dataSource;
        this.baseUrl = baseUrl;
    }

    public Outcome<Cohort> create(Viewer viewer, String course, String name, List<String> instructorKeys) {
        if (!viewer.isAdmin() && !viewer.isInstructor()) {
            return Outcome.refused(List.of("input", "viewer"), "only instructors and admins manage cohorts", "FORBIDDEN");
        }
        if (!course.matches("[a-z0-9][a-z0-9-]{0,79}")) {
            return Outcome.refused(List.of("input", "course"), "a course id: lower-case letters, digits and dashes", "INVALID_COURSE");
        }
        if (name.isBlank() || name.length() > 200) {
            return Outcome.refused(List.of("input", "name"), "1 to 200 characters", "INVALID_NAME");
        }
        Set<String> instructors = new LinkedHashSet<>();
        if (viewer.isInstructor()) {
            instructors.add(viewer.actorKey());
        }
        for (int i = 0; i < instructorKeys.size(); i++) {
            if (!viewer.sameInstitution(instructorKeys.get(i))) {
                return Outcome.refused(List.of("input", "instructorKeys", String.valueOf(i)), "an instructor of another institution", "OTHER_INSTITUTION");
            }
            instructors.add(instructorKeys.get(i));
        }
        return cohorts.create(viewer.tenant(), course, name.strip(), viewer.actorKey(), instructors).map(Outcome::ok)
                .orElse(Outcome.refused(List.of("input", "name"), "the course already has a cohort with this name", "DUPLICATE_COHORT"));
    }

    public Outcome<Cohort> enrol(Viewer viewer, String cohortId, List<String> keys) {
        Outcome<Cohort> cohort = visibleCohort(viewer, cohortId);
        if (cohort.value() == null) {
            return cohort;
        }
        if (keys.size() > MAX_ENROL) {
            return Outcome.refused(List.of("input", "actorKeys"), "at most " + MAX_ENROL + " learners per call", "TOO_MANY");
        }
        for (int i = 0; i < keys.size(); i++) {
            if (!viewer.sameInstitution(keys.get(i)) || keys.get(i).length() > 300) {
                return Outcome.refused(List.of("input", "actorKeys", String.valueOf(i)),
                        "learners are enrolled only in cohorts of their own institution", "OTHER_INSTITUTION");
            }
        }
        cohorts.enrol(cohort.value().id(), keys);
        return Outcome.ok(cohorts.find(cohort.value().id()).orElseThrow());
    }

    public List<Cohort> visibleCohorts(Viewer viewer) {
        return cohorts.ofTenant(viewer.tenant()).stream().filter(viewer::maySee).toList();
    }

    /** The cohort, if the viewer may see it: unknown, another institution's and not-taught cohorts are refused alike per cause. */
    public Outcome<Cohort> visibleCohort(Viewer viewer, String cohortId) {
        UUID id;
        try {
            id = UUID.fromString(cohortId);
        } catch (IllegalArgumentException e) {
            return Outcome.refused(List.of("input", "cohortId"), "not a cohort id", "INVALID_ID");
        }
        Optional<Cohort> cohort = cohorts.find(id);
        if (cohort.isEmpty()) {
            return Outcome.refused(List.of("input", "cohortId"), "no such cohort", "UNKNOWN_COHORT");
        }
        if (!cohort.get().tenant().equals(viewer.tenant())) {
            return Outcome.refused(List.of("input", "cohortId"), "this cohort belongs to another institution", "FORBIDDEN");
        }
        if (!viewer.maySee(cohort.get())) {
            return Outcome.refused(List.of("input", "cohortId"), "only the cohort's instructors and the institution's admins see it", "FORBIDDEN");
        }
        return Outcome.ok(cohort.get());
    }

    /** Metrics of a cohort, a course, the institution, or (without scope) the viewer alone. */
    public Outcome<LearningMetrics> metrics(Viewer viewer, String cohortId, String course, boolean institution) {
        Outcome<List<String>> learners = learners(viewer, cohortId, course, institution);
        return learners.value() == null ? new Outcome<>(null, learners.problems()) : Outcome.ok(metrics.metrics(learners.value()));
    }

    private Outcome<List<String>> learners(Viewer viewer, String cohortId, String course, boolean institution) {
        int scopes = (cohortId != null ? 1 : 0) + (course != null ? 1 : 0) + (institution ? 1 : 0);
        if (scopes > 1) {
            return Outcome.refused(List.of("input"), "give one of cohortId, course or institution", "AMBIGUOUS_SCOPE");
        }
        if (cohortId != null) {
            Outcome<Cohort> cohort = visibleCohort(viewer, cohortId);
            return cohort.value() == null ? new Outcome<>(null, cohort.problems()) : Outcome.ok(cohort.value().learnerKeys());
        }
        if (course != null) {
            if (!viewer.isAdmin() && !viewer.isInstructor()) {
                return Outcome.refused(List.of("input", "course"), "only instructors and admins see a course", "FORBIDDEN");
            }
            List<String> keys = new ArrayList<>();
            visibleCohorts(viewer).stream().filter(c -> c.course().equals(course)).forEach(c -> keys.addAll(c.learnerKeys()));
            return Outcome.ok(keys);
        }
        if (institution) {
            if (!viewer.isAdmin()) {
                return Outcome.refused(List.of("input", "institution"), "only admins see the whole institution", "FORBIDDEN");
            }
            return Outcome.ok(metrics.learnersOf(viewer.tenant()));
        }
        return Outcome.ok(List.of(viewer.actorKey()));
    }

    /** The cohort's statements (learning events and graded attempts) as an xAPI 1.0.3 array, oldest first. */
    public Outcome<ArrayNode> statements(Viewer viewer, String cohortId, int first) {
        Outcome<Cohort> cohort = visibleCohort(viewer, cohortId);
        if (cohort.value() == null) {
            return new Outcome<>(null, cohort.problems());
        }
        if (first < 1 || first > MAX_STATEMENTS) {
            return Outcome.refused(List.of("input", "first"), "between 1 and " + MAX_STATEMENTS, "OUT_OF_RANGE");
        }
        ArrayNode array = XapiStatements.array();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT id, actor_key, payload -> 'statement', occurred_at FROM learning_event WHERE actor_key = ANY (?)
                UNION ALL
                SELECT id, actor_key, payload -> 'statement', occurred_at FROM quiz_attempt WHERE actor_key = ANY (?)
                ORDER BY 4, 1 LIMIT ?""")) {
            Object[] keys = cohort.value().learnerKeys().toArray();
            s.setArray(1, c.createArrayOf("varchar", keys));
            s.setArray(2, c.createArrayOf("varchar", keys));
            s.setInt(3, first);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    JsonNode statement = JSON.readTree(rs.getString(3));
                    array.add(XapiStatements.toXapi(rs.getString(1), ActorKey.parse(rs.getString(2)), statement, baseUrl));
                }
            }
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return Outcome.ok(array);
    }
}
