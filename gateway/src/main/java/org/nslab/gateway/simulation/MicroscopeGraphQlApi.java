package org.nslab.gateway.simulation;

import graphql.schema.DataFetchingEnvironment;
import io.smallrye.graphql.api.Context;
import jakarta.annotation.security.RolesAllowed;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.nslab.gateway.graphql.SimulationGraphQlApi;
import org.nslab.gateway.simulation.MicroscopeTypes.MicroscopeInput;
import org.nslab.gateway.simulation.MicroscopeTypes.MicroscopePayload;
import org.nslab.gateway.simulation.MicroscopeTypes.NeuronAtlasInput;
import org.nslab.gateway.simulation.MicroscopeTypes.NeuronAtlasPayload;
import org.nslab.gateway.simulation.MicroscopeTypes.UpstreamMicroscope;
import org.nslab.gateway.simulation.MicroscopeTypes.UpstreamNeuronAtlas;
import org.nslab.gateway.upstream.simulation.SimulationUpstream;

/**
 * Public inspection operations for the Level 3 Component Microscope: the simulation service's
 * {@code microscope} and {@code neuronAtlas}, passed through with the caller's selection
 * ({@link SimulationUpstream#query}).
 * Minimal and additive until the gateway's composed inspection API lands.
 */
@GraphQLApi
public class MicroscopeGraphQlApi {

    private final SimulationUpstream simulation;
    private final Context context;

    public MicroscopeGraphQlApi(SimulationUpstream simulation, Context context) {
        this.simulation = simulation;
        this.context = context;
    }

    @Query
    @Description("One forward pass of the reference model (or a run's checkpoint) over a prompt, with every layer × head's "
            + "attention, one token's query, keys and values, the MLP, residual norms and the logit lens.")
    @RolesAllowed({"learner", "instructor", "admin", "guest"})
    public @NonNull MicroscopePayload microscope(@NonNull MicroscopeInput input) {
        UpstreamMicroscope answer = simulation.query("microscope", "MicroscopeInput", input, selection(), UpstreamMicroscope.class);
        return new MicroscopePayload(answer.microscope(), answer.referenceModel(), SimulationGraphQlApi.userErrors(answer.userErrors()));
    }

    @Query
    @Description("The held-out corpus snippets that activate one MLP neuron most.")
    @RolesAllowed({"learner", "instructor", "admin", "guest"})
    public @NonNull NeuronAtlasPayload neuronAtlas(@NonNull NeuronAtlasInput input) {
        UpstreamNeuronAtlas answer = simulation.query("neuronAtlas", "NeuronAtlasInput", input, selection(), UpstreamNeuronAtlas.class);
        return new NeuronAtlasPayload(answer.neuronAtlas(), answer.referenceModel(), SimulationGraphQlApi.userErrors(answer.userErrors()));
    }

    private graphql.schema.DataFetchingFieldSelectionSet selection() {
        return context.unwrap(DataFetchingEnvironment.class).getSelectionSet();
    }
}
