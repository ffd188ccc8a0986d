package org.nslab.gateway.journey;

import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Type;
import org.nslab.contracts.UserError;
import org.nslab.contracts.content.ContentTypes;
import org.nslab.contracts.content.ContentTypes.Course;
import org.nslab.gateway.upstream.content.ContentApi.CourseInput;
import org.nslab.gateway.upstream.content.ContentApi.CourseResult;
import org.nslab.gateway.upstream.content.ContentUpstream;

/**
 * Level 1's content: the stations, their connections and the branch paths from the content service, plus the id of
 * the Journey Map quiz. Minimal, until the learning services publish the whole course through the gateway.
 */
@GraphQLApi
public class JourneyMapGraphQlApi {

    private final ContentUpstream content;

    public JourneyMapGraphQlApi(ContentUpstream content) {
        this.content = content;
    }

    @Input("JourneyMapInput")
    public record JourneyMapInput(@Description("BCP 47 locale such as en or de-AT; the course's default when absent") String locale) {
    }

    @Type("JourneyStationPosition")
    public record JourneyStationPosition(double x, double y, double z) {
    }

    @Type("JourneyStation")
    public record JourneyStation(@NonNull String id, int order, @NonNull String title, @NonNull String icon,
                                 @NonNull JourneyStationPosition position, @NonNull List<@NonNull String> next,
                                 @NonNull String stageId, int complexity, @NonNull String duration, @NonNull String cost,
                                 @NonNull @Description("Markdown") String description) {
    }

    @Type("JourneyBranchOption")
    public record JourneyBranchOption(@NonNull String id, @NonNull String title) {
    }

    @Type("JourneyBranch")
    public record JourneyBranch(@NonNull String id, @NonNull String atStationId, @NonNull String rejoinsStationId,
                                @NonNull List<@NonNull JourneyBranchOption> options) {
    }

    @Type("JourneyMap")
    public record JourneyMap(@NonNull String locale, @NonNull List<@NonNull JourneyStation> stations,
                             @NonNull List<@NonNull JourneyBranch> branches, String quizId) {
    }

    @Type("JourneyMapPayload")
    public record JourneyMapPayload(JourneyMap journeyMap, @NonNull List<@NonNull UserError> userErrors) {
    }

    @Query
    @RolesAllowed({"learner", "instructor", "admin", "module-author", "guest"})
    @Description("The Journey Map's stations in pipeline order, their connections and branch paths, from the content service.")
    public @NonNull JourneyMapPayload journeyMap(@NonNull @Name("input") JourneyMapInput input) {
        CourseResult payload = content.course(new CourseInput(input.locale(), null));
        if (payload.course() == null) {
            return new JourneyMapPayload(null, payload.userErrors().stream()
                    .map(p -> new UserError(List.of("input", "locale"), p.message(), p.code())).toList());
        }
        Course course = payload.course();
        List<JourneyStation> stations = course.stations().stream()
                .sorted(java.util.Comparator.comparingInt(ContentTypes.Station::order))
                .map(s -> new JourneyStation(s.id(), s.order(), s.title(), s.icon(),
                        new JourneyStationPosition(s.position().x(), s.position().y(), s.position().z()), s.next(),
                        s.stageId(), s.complexity(), s.duration(), s.cost(), s.description())).toList();
        List<JourneyBranch> branches = course.branches().stream()
                .map(b -> new JourneyBranch(b.id(), b.atStationId(), b.rejoinsStationId(),
                        b.options().stream().map(o -> new JourneyBranchOption(o.id(), o.title())).toList())).toList();
        String quizId = course.quizzes().stream()
                .filter(q -> "level".equals(q.targetKind()) && "1".equals(q.targetId()))
                .map(ContentTypes.QuizRef::id).findFirst().orElse(null);
        return new JourneyMapPayload(new JourneyMap(course.locale(), stations, branches, quizId), List.of());
    }
}
