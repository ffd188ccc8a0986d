package org.nslab.gateway.learning;

import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Type;
import org.nslab.contracts.UserError;
import org.nslab.contracts.content.ContentTypes.Course;
import org.nslab.gateway.upstream.content.ContentApi.CourseInput;
import org.nslab.gateway.upstream.content.ContentApi.CourseResult;
import org.nslab.gateway.upstream.content.ContentUpstream;

/** The course content, from the content service. */
@GraphQLApi
public class LearningContentGraphQlApi {

    private final ContentUpstream content;

    public LearningContentGraphQlApi(ContentUpstream content) {
        this.content = content;
    }

    @Type("CoursePayload")
    public record CoursePayload(Course course, @NonNull List<@NonNull UserError> userErrors) {
    }

    @Query("course")
    @Description("The course in a locale (texts missing there fall back to English): stations, branches, stages, components, "
            + "chapters, experiments, learning paths, glossary, sources and which quiz belongs to what.")
    @RolesAllowed({"learner", "instructor", "admin", "module-author", "guest"})
    public @NonNull CoursePayload course(@Name("input") CourseInput input) {
        CourseResult result = content.course(input == null ? new CourseInput(null, null) : input);
        return new CoursePayload(result.course(), LearningCalls.errors(result.userErrors()));
    }
}
