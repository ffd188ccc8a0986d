package org.nslab.gateway.simulation;

import io.quarkus.arc.Arc;
import io.smallrye.graphql.client.typesafe.api.GraphQLClientApi;
import io.smallrye.graphql.client.typesafe.api.Header;
import java.util.List;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.nslab.gateway.client.ServiceTokens;

/** The simulation service's calculators (internal GraphQL, role service), called with the gateway's service account. */
@GraphQLClientApi(configKey = "simulation")
@Header(name = "Authorization", method = "bearer")
public interface SimulationClient {

    static String bearer() {
        return "Bearer " + Arc.container().instance(ServiceTokens.class).get().accessToken();
    }

    @Query("architecture")
    ArchitecturePayload architecture(@NonNull ArchitectureInput input);

    @Query("trainingCost")
    TrainingCostPayload trainingCost(@NonNull TrainingCostInput input);

    @Query("accelerators")
    List<Accelerator> accelerators();

    @Input("ArchitectureInput")
    record ArchitectureInput(String preset) {
    }

    record ArchitecturePayload(Architecture architecture, List<Problem> userErrors) {
    }

    record Architecture(String name, String family, long totalParameters, long activeParametersPerToken,
                        FlopsPerToken flopsPerToken) {
    }

    record FlopsPerToken(double forward, double training) {
    }

    @Input("TrainingCostInput")
    record TrainingCostInput(double computeFlops, String accelerator, int count, double utilization,
                             double pricePerAcceleratorHour, Double pue) {
    }

    record TrainingCostPayload(TrainingCost estimate, List<Problem> userErrors) {
    }

    record TrainingCost(double sustainedFlopsPerSecond, double wallClockDays, double acceleratorHours, double cost,
                        Double energyKilowattHours) {
    }

    record Accelerator(String name, double peakFlopsPerSecond, double powerWatts) {
    }

    record Problem(List<String> field, String message) {
    }
}
