package org.nslab.gateway.journey;

import io.quarkus.arc.Arc;
import io.smallrye.graphql.client.typesafe.api.GraphQLClientApi;
import io.smallrye.graphql.client.typesafe.api.Header;
import java.util.List;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.nslab.gateway.client.ServiceTokens;

/** The part of the content service's course the Journey Map needs, called with the gateway's service account. */
@GraphQLClientApi(configKey = "journey-content")
@Header(name = "Authorization", method = "bearer")
public interface ContentClient {

    static String bearer() {
        return "Bearer " + Arc.container().instance(ServiceTokens.class).get().accessToken();
    }

    @Query("course")
    CoursePayload course(@NonNull CourseInput input);

    @Input("CourseInput")
    record CourseInput(String locale) {
    }

    record CoursePayload(Course course, List<Problem> userErrors) {
    }

    record Course(String locale, List<Station> stations, List<Branch> branches, List<QuizRef> quizzes) {
    }

    record Position(double x, double y, double z) {
    }

    record Station(String id, int order, String title, String icon, Position position, List<String> next, String stageId,
                   int complexity, String duration, String cost, String description, String quizId) {
    }

    record BranchOption(String id, String title) {
    }

    record Branch(String id, String atStationId, String rejoinsStationId, List<BranchOption> options) {
    }

    record QuizRef(String id, String targetKind, String targetId, int questionCount, double passScore) {
    }

    record Problem(List<String> field, String message, String code) {
    }
}
