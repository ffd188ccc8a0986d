package org.nslab.analytics.graphql;

import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.GraphQLException;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.nslab.analytics.service.ActivityService;
import org.nslab.analytics.service.LearnerActivity;

/** Internal API of the analytics service; the gateway calls it with its service account. */
@GraphQLApi
public class ActivityGraphQlApi {

    static final int MAX_ACTORS = 100;

    private final ActivityService activity;

    public ActivityGraphQlApi(ActivityService activity) {
        this.activity = activity;
    }

    @Query("learnerActivities")
    @Description("The activity of several learners at once (at most 100), in the order of actorKeys.")
    @RolesAllowed("service")
    public @NonNull List<@NonNull LearnerActivity> learnerActivities(
            @NonNull @Description("tenant/actorId keys") List<@NonNull String> actorKeys) throws GraphQLException {
        if (actorKeys.size() > MAX_ACTORS) {
            throw new GraphQLException("at most " + MAX_ACTORS + " actorKeys per request, got " + actorKeys.size());
        }
        return activity.activities(actorKeys);
    }
}
