package org.nslab.gateway.client;

import io.quarkus.arc.Arc;
import io.smallrye.graphql.client.typesafe.api.GraphQLClientApi;
import io.smallrye.graphql.client.typesafe.api.Header;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** The analytics service's GraphQL API, called with the gateway's service account. */
@GraphQLClientApi(configKey = "analytics")
@Header(name = "Authorization", method = "bearer")
public interface AnalyticsClient {

    static String bearer() {
        return "Bearer " + Arc.container().instance(ServiceTokens.class).get().accessToken();
    }

    @Query("learnerActivities")
    List<LearnerActivity> learnerActivities(@NonNull List<@NonNull String> actorKeys);

    record LearnerActivity(String actorKey, long eventCount, Instant lastEventAt, List<VerbCount> verbs) {
    }

    record VerbCount(String verb, long count) {
    }
}
