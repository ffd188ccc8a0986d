package org.nslab.gateway.upstream.content;

import io.smallrye.graphql.client.typesafe.api.GraphQLClientApi;
import io.smallrye.graphql.client.typesafe.api.Header;
import io.smallrye.mutiny.Uni;
import java.util.List;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.Query;
import org.nslab.contracts.UserError;
import org.nslab.contracts.content.ContentTypes.Course;
import org.nslab.gateway.upstream.ServiceTokens;

/**
 * The content service's internal GraphQL API as a typed client (the gateway's service account); only
 * {@link ContentUpstream} calls it. Input records carry the service's input type names ({@code @Input}).
 */
@GraphQLClientApi(configKey = "content")
@Header(name = "Authorization", method = "bearer")
public interface ContentApi {

    static String bearer() {
        return ServiceTokens.bearer();
    }

    @Query("course")
    Uni<CourseResult> course(@Name("input") CourseInput input);

    @Input("CourseInput")
    record CourseInput(String locale, String releaseId) {
    }

    record CourseResult(Course course, List<UserError> userErrors) {
    }
}
