package org.nslab.gateway.simulation;

import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Type;
import org.nslab.contracts.UserError;
import org.nslab.contracts.UserErrorCode;
import org.nslab.gateway.lab.LabTypes.ArchitectureInput;
import org.nslab.gateway.lab.LabTypes.ArchitectureReport;
import org.nslab.gateway.lab.LabTypes.TrainingCost;
import org.nslab.gateway.lab.LabTypes.TrainingCostInput;
import org.nslab.gateway.simulation.SimulationTypes.SimulationUserError;
import org.nslab.gateway.upstream.simulation.SimulationApi.ArchitectureResult;
import org.nslab.gateway.upstream.simulation.SimulationApi.TrainingCostResult;
import org.nslab.gateway.upstream.simulation.SimulationUpstream;

/**
 * The cost and time of training a model, composed from the simulation service's architecture calculator (parameters,
 * training FLOPs per token) and its cluster estimate (time, accelerator-hours, energy, cost). Nothing is computed
 * here except training FLOPs = FLOPs per token × tokens; the Journey Map overlay and the Playground show these.
 */
@GraphQLApi
public class TrainingPlanGraphQlApi {

    static final double MAX_TOKENS = 1e15;

    private final SimulationUpstream simulation;

    public TrainingPlanGraphQlApi(SimulationUpstream simulation) {
        this.simulation = simulation;
    }

    @Input("TrainingPlanInput")
    public record TrainingPlanInput(
            @NonNull @Description("An architecture preset of the simulation service, e.g. \"GPT-2 small\", \"LLaMA-7B-like\"") String model,
            @Description("Training tokens D") double tokens,
            @NonNull @Description("Accelerator name, as in trainingAccelerators") String accelerator,
            @Description("Number of accelerators") int count,
            @Description("Model FLOPs utilization, 0 < u <= 1") double utilization,
            @Description("Price of one accelerator-hour") double pricePerAcceleratorHour,
            @Description("Power usage effectiveness of the data centre; 1.1 when absent") Double pue) {
    }

    @Type("TrainingPlan")
    public record TrainingPlan(@NonNull String model, @NonNull String family, long totalParameters,
                               long activeParametersPerToken, double trainingFlopsPerToken, double tokens,
                               double tokensPerParameter, double trainingFlops, @NonNull String accelerator, int count,
                               double sustainedFlopsPerSecond, double wallClockDays, double acceleratorHours,
                               double acceleratorDays, double cost, Double energyKilowattHours) {
    }

    @Type("TrainingPlanPayload")
    public record TrainingPlanPayload(TrainingPlan plan, @NonNull List<@NonNull UserError> userErrors) {
    }

    @Type("TrainingAccelerator")
    public record TrainingAccelerator(@NonNull String name, double peakFlopsPerSecond, double powerWatts) {
    }

    @Query
    @RolesAllowed({"learner", "instructor", "admin", "module-author", "guest"})
    @Description("Data volume, training FLOPs, time, accelerator-days, energy and cost of training a model, from the "
            + "simulation service's calculators.")
    public @NonNull TrainingPlanPayload trainingPlan(@NonNull @Name("input") TrainingPlanInput input) {
        List<UserError> errors = new ArrayList<>();
        if (!(input.tokens() >= 1 && input.tokens() <= MAX_TOKENS)) {
            errors.add(new UserError(List.of("input", "tokens"), "tokens must be between 1 and 1e15", UserErrorCode.OUT_OF_RANGE));
        }
        if (input.model().isBlank() || input.model().length() > 100) {
            errors.add(new UserError(List.of("input", "model"), "model must be a preset name of at most 100 characters", UserErrorCode.INVALID_INPUT));
        }
        if (!errors.isEmpty()) {
            return new TrainingPlanPayload(null, errors);
        }
        ArchitectureResult architecture = simulation.architecture(ArchitectureInput.preset(input.model()));
        if (architecture.architecture() == null) {
            return new TrainingPlanPayload(null, userErrors(architecture.userErrors(), "model"));
        }
        ArchitectureReport a = architecture.architecture();
        double trainingFlops = a.flopsPerToken().training() * input.tokens();
        TrainingCostResult costPayload = simulation.trainingCost(new TrainingCostInput(trainingFlops,
                input.accelerator(), input.count(), input.utilization(), input.pricePerAcceleratorHour(), input.pue()));
        if (costPayload.estimate() == null) {
            return new TrainingPlanPayload(null, userErrors(costPayload.userErrors(), null));
        }
        TrainingCost c = costPayload.estimate();
        return new TrainingPlanPayload(new TrainingPlan(a.name(), a.family().name(), a.totalParameters(), a.activeParametersPerToken(),
                a.flopsPerToken().training(), input.tokens(), input.tokens() / a.totalParameters(), trainingFlops,
                input.accelerator(), input.count(), c.sustainedFlopsPerSecond(), c.wallClockDays(), c.acceleratorHours(),
                c.acceleratorHours() / 24, c.cost(), c.energyKilowattHours()), List.of());
    }

    @Query
    @RolesAllowed({"learner", "instructor", "admin", "module-author", "guest"})
    @Description("The accelerators the simulation service knows, with their dense peak and power.")
    public @NonNull List<@NonNull TrainingAccelerator> trainingAccelerators() {
        return simulation.accelerators().stream()
                .map(a -> new TrainingAccelerator(a.name(), a.peakFlopsPerSecond(), a.powerWatts())).toList();
    }

    /** The simulation's problems under the gateway's input path; {@code field} replaces the first path element when set. */
    private static List<UserError> userErrors(List<SimulationUserError> problems, String field) {
        return problems.stream().map(p -> {
            List<String> path = new ArrayList<>(List.of("input"));
            if (field != null) {
                path.add(field);
            } else if (p.field() != null) {
                p.field().stream().filter(f -> !f.equals("input")).forEach(path::add);
            }
            return new UserError(path, p.message(), UserErrorCode.INVALID_INPUT);
        }).toList();
    }
}
