package org.nslab.gateway.client;

import io.quarkus.arc.Arc;
import io.smallrye.graphql.client.typesafe.api.GraphQLClientApi;
import io.smallrye.graphql.client.typesafe.api.Header;
import java.util.List;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.nslab.gateway.simulation.SimulationTypes.TokenizeInput;
import org.nslab.gateway.simulation.SimulationTypes.Tokenization;
import org.nslab.gateway.simulation.SimulationTypes.SimulationUserError;

/** The simulation service's internal GraphQL API (role {@code service}), called with the gateway's service account. */
@GraphQLClientApi(configKey = "simulation")
@Header(name = "Authorization", method = "bearer")
public interface SimulationClient {

    static String bearer() {
        return "Bearer " + Arc.container().instance(ServiceTokens.class).get().accessToken();
    }

    @Query("tokenize")
    TokenizeResult tokenize(@NonNull @Name("input") TokenizeInput input);

    /** The service's TokenizePayload, as the client reads it. */
    record TokenizeResult(List<Tokenization> tokenizations, List<SimulationUserError> userErrors) {
    }
}
