package org.nslab.quiz.client;

import io.quarkus.arc.Arc;
import io.smallrye.graphql.client.typesafe.api.GraphQLClientApi;
import io.smallrye.graphql.client.typesafe.api.Header;
import java.util.List;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.Query;

/** The simulation service's internal GraphQL API, called with the quiz service's own service account. */
@GraphQLClientApi(configKey = "simulation")
@Header(name = "Authorization", method = "bearer")
public interface SimulationClient {

    static String bearer() {
        return "Bearer " + Arc.container().instance(ServiceTokens.class).get().accessToken();
    }

    @Query("computeOptimal")
    ComputeOptimalPayload computeOptimal(@Name("computeFlops") double computeFlops);

    @Query("dataPipeline")
    DataPipelinePayload dataPipeline(@Name("quality") boolean quality, @Name("minWords") int minWords,
                                     @Name("redactPii") boolean redactPii, @Name("deduplicate") boolean deduplicate);

    record ComputeOptimalPayload(List<Allocation> allocations, List<UserError> userErrors) {
    }

    record Allocation(String method, double parameters, double tokens) {
    }

    record DataPipelinePayload(List<DocumentOutcome> documents, List<UserError> userErrors) {
    }

    record DocumentOutcome(String id, String category, boolean kept, List<String> reasons) {
    }

    record UserError(String message) {
    }
}
