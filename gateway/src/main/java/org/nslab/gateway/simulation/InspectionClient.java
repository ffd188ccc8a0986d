package org.nslab.gateway.simulation;

import io.quarkus.arc.Arc;
import io.smallrye.graphql.client.typesafe.api.Header;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.nslab.gateway.simulation.MicroscopeTypes.MicroscopeInput;
import org.nslab.gateway.simulation.MicroscopeTypes.NeuronAtlasInput;
import org.nslab.gateway.simulation.MicroscopeTypes.UpstreamMicroscope;
import org.nslab.gateway.simulation.MicroscopeTypes.UpstreamNeuronAtlas;

/** The simulation service's inspection API for the Component Microscope (built in {@link MicroscopeGraphQlApi}). */
@Header(name = "Authorization", method = "bearer")
public interface InspectionClient {

    static String bearer() {
        return "Bearer " + Arc.container().instance(org.nslab.gateway.client.ServiceTokens.class).get().accessToken();
    }

    @Query("microscope")
    UpstreamMicroscope microscope(@NonNull MicroscopeInput input);

    @Query("neuronAtlas")
    UpstreamNeuronAtlas neuronAtlas(@NonNull NeuronAtlasInput input);
}
