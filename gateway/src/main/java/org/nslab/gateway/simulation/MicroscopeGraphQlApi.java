package org.nslab.gateway.simulation;

import io.smallrye.graphql.client.typesafe.api.TypesafeGraphQLClientBuilder;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.nslab.gateway.graphql.ServiceUnavailableException;
import org.nslab.gateway.simulation.MicroscopeTypes.MicroscopeInput;
import org.nslab.gateway.simulation.MicroscopeTypes.MicroscopePayload;
import org.nslab.gateway.simulation.MicroscopeTypes.NeuronAtlasInput;
import org.nslab.gateway.simulation.MicroscopeTypes.NeuronAtlasPayload;
import org.nslab.gateway.simulation.MicroscopeTypes.Problem;
import org.nslab.gateway.simulation.MicroscopeTypes.UpstreamMicroscope;
import org.nslab.gateway.simulation.MicroscopeTypes.UpstreamNeuronAtlas;

/**
 * Public inspection operations for the Level 3 Component Microscope: the simulation service's
 * {@code microscope} and {@code neuronAtlas}, called with the gateway's service account. Minimal and
 * additive until the gateway's composed inspection API lands.
 */
@GraphQLApi
public class MicroscopeGraphQlApi {

    private final String simulationUrl;
    private volatile InspectionClient client;

    public MicroscopeGraphQlApi(@ConfigProperty(name = "nslab.simulation.url", defaultValue = "http://127.0.0.1:8084") String simulationUrl) {
        this.simulationUrl = simulationUrl;
    }

    @Query
    @Description("One forward pass of the reference model (or a run's checkpoint) over a prompt, with every layer × head's "
            + "attention, one token's query, keys and values, the MLP, residual norms and the logit lens.")
    @RolesAllowed({"learner", "instructor", "admin", "guest"})
    public @NonNull MicroscopePayload microscope(@NonNull MicroscopeInput input) {
        UpstreamMicroscope answer = call(client -> client.microscope(input));
        return new MicroscopePayload(answer.microscope(), answer.referenceModel(), userErrors(answer.userErrors()));
    }

    @Query
    @Description("The held-out corpus snippets that activate one MLP neuron most.")
    @RolesAllowed({"learner", "instructor", "admin", "guest"})
    public @NonNull NeuronAtlasPayload neuronAtlas(@NonNull NeuronAtlasInput input) {
        UpstreamNeuronAtlas answer = call(client -> client.neuronAtlas(input));
        return new NeuronAtlasPayload(answer.neuronAtlas(), answer.referenceModel(), userErrors(answer.userErrors()));
    }

    private static List<org.nslab.gateway.graphql.UserError> userErrors(List<Problem> problems) {
        return problems == null ? List.of() : problems.stream().map(Problem::toUserError).toList();
    }

    private <T> T call(java.util.function.Function<InspectionClient, T> work) {
        InspectionClient current = client;
        if (current == null) {
            current = TypesafeGraphQLClientBuilder.newBuilder().endpoint(simulationUrl + "/graphql").build(InspectionClient.class);
            client = current;
        }
        try {
            return work.apply(current);
        } catch (RuntimeException e) {
            throw new ServiceUnavailableException("The simulation service cannot be reached right now; try again in a moment.", e);
        }
    }
}
