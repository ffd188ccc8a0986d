package org.nslab.simulation.graphql;

import io.smallrye.common.annotation.NonBlocking;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Type;
import org.nslab.simulation.architecture.Activation;
import org.nslab.simulation.architecture.ArchitectureConfig;
import org.nslab.simulation.architecture.ArchitecturePresets;
import org.nslab.simulation.architecture.DataType;
import org.nslab.simulation.architecture.FlopsCalculator;
import org.nslab.simulation.architecture.FlopsPerToken;
import org.nslab.simulation.architecture.InferenceMemory;
import org.nslab.simulation.architecture.InferenceSetup;
import org.nslab.simulation.architecture.MemoryCalculator;
import org.nslab.simulation.architecture.ModelFamily;
import org.nslab.simulation.architecture.Normalization;
import org.nslab.simulation.architecture.ParameterCount;
import org.nslab.simulation.architecture.ParameterCounter;
import org.nslab.simulation.architecture.PositionEncoding;
import org.nslab.simulation.architecture.TrainingMemory;
import org.nslab.simulation.architecture.TrainingPrecision;
import org.nslab.simulation.architecture.TrainingSetup;
import org.nslab.simulation.scaling.Accelerator;
import org.nslab.simulation.scaling.ChinchillaLaw;
import org.nslab.simulation.scaling.ComputeOptimal;
import org.nslab.simulation.scaling.KaplanLaw;
import org.nslab.simulation.scaling.ReferenceModel;
import org.nslab.simulation.scaling.ScalingLimits;
import org.nslab.simulation.scaling.TokensPerParameterRule;
import org.nslab.simulation.scaling.TrainingCluster;
import org.nslab.simulation.scaling.TrainingEstimate;

/** Architecture calculator and scaling laws: the numbers of the Journey Map, the builder and the Playground. */
@GraphQLApi
@RolesAllowed("service")
@NonBlocking // closed-form arithmetic over small inputs: microseconds, no I/O; no worker-thread hand-off
public class CalculatorGraphQlApi {

    @Input("ArchitectureInput")
    @Description("A published preset (e.g. gpt2-small) or a family's defaults, with any field overridden; "
            + "plus how it is trained and served.")
    public record ArchitectureInput(String preset, ModelFamily family, Integer vocabSize, Integer contextLength,
                                    Integer layers, Integer dModel, Integer heads, Integer kvHeads, Integer mlpHidden,
                                    Activation activation, Normalization normalization, Boolean biases,
                                    PositionEncoding positions, Boolean tiedEmbeddings, Integer experts, Integer activeExperts,
                                    TrainingPrecision precision, Integer zeroStage, Integer gpus, Integer microBatch,
                                    Boolean activationCheckpointing, DataType inferenceWeights, DataType kvCache,
                                    Integer inferenceBatch) {
    }

    @Type("ArchitectureReport")
    public record ArchitectureReport(@NonNull String name, @NonNull ModelFamily family, long totalParameters,
                                     long activeParametersPerToken, @NonNull List<ParameterCount.@NonNull Component> components,
                                     @NonNull FlopsPerToken flopsPerToken, @NonNull TrainingMemory trainingMemoryPerGpu,
                                     @NonNull InferenceMemory inferenceMemory) {
    }

    @Type("ArchitecturePayload")
    public record ArchitecturePayload(ArchitectureReport architecture, @NonNull List<@NonNull UserError> userErrors) {
    }

    @Type("ComputeOptimalPayload")
    public record ComputeOptimalPayload(@NonNull List<@NonNull ComputeOptimal> allocations, ChinchillaLoss chinchillaLoss,
                                        @NonNull List<@NonNull UserError> userErrors) {
    }

    @Type("ChinchillaLoss")
    public record ChinchillaLoss(double parameters, double tokens, double loss) {
    }

    @Input("TrainingCostInput")
    public record TrainingCostInput(double computeFlops, @NonNull String accelerator, int count, double utilization,
                                    double pricePerAcceleratorHour, Double pue) {
    }

    @Type("TrainingCost")
    public record TrainingCost(double sustainedFlopsPerSecond, double wallClockDays, double acceleratorHours,
                               double cost, Double energyKilowattHours) {
    }

    @Type("TrainingCostPayload")
    public record TrainingCostPayload(TrainingCost estimate, @NonNull List<@NonNull UserError> userErrors) {
    }

    @Query
    @Description("Exact parameters by component, FLOPs per token, training memory per GPU and inference memory.")
    public @NonNull ArchitecturePayload architecture(@NonNull ArchitectureInput input) {
        ArchitectureConfig.Builder builder;
        if (input.preset() != null) {
            Optional<ArchitectureConfig> preset = ArchitecturePresets.byName(input.preset());
            if (preset.isEmpty()) {
                return new ArchitecturePayload(null, List.of(UserError.of("unknown preset '" + input.preset() + "'; known: "
                        + ArchitecturePresets.all().stream().map(ArchitectureConfig::name).toList(), "input", "preset")));
            }
            builder = preset.get().toBuilder();
        } else {
            builder = ArchitectureConfig.builder(input.family() == null ? ModelFamily.DECODER_ONLY : input.family());
        }
        set(input.vocabSize(), builder::vocabSize);
        set(input.contextLength(), builder::contextLength);
        set(input.layers(), builder::layers);
        set(input.dModel(), builder::dModel);
        set(input.heads(), builder::heads);
        set(input.kvHeads(), builder::kvHeads);
        set(input.mlpHidden(), builder::mlpHidden);
        set(input.activation(), builder::activation);
        set(input.normalization(), builder::normalization);
        set(input.biases(), builder::biases);
        set(input.positions(), builder::positions);
        set(input.tiedEmbeddings(), builder::tiedEmbeddings);
        if (input.experts() != null || input.activeExperts() != null) {
            int experts = input.experts() == null ? 1 : input.experts();
            builder.experts(experts, input.activeExperts() == null ? Math.min(experts, 2) : input.activeExperts());
        }
        ArchitectureConfig config = builder.build();
        TrainingSetup training = new TrainingSetup(
                input.precision() == null ? TrainingPrecision.MIXED : input.precision(),
                input.zeroStage() == null ? 0 : input.zeroStage(), input.gpus() == null ? 1 : input.gpus(),
                config.contextLength(), input.microBatch() == null ? 1 : input.microBatch(),
                input.activationCheckpointing() != null && input.activationCheckpointing());
        InferenceSetup inference = new InferenceSetup(
                input.inferenceWeights() == null ? DataType.BF16 : input.inferenceWeights(),
                input.kvCache() == null ? DataType.BF16 : input.kvCache(),
                input.inferenceBatch() == null ? 1 : input.inferenceBatch(), config.contextLength());

        List<UserError> errors = new ArrayList<>();
        config.validate().forEach(p -> errors.add(UserError.of(p.message(), "input", p.field())));
        training.validate().forEach(p -> errors.add(UserError.of(p.message(), "input", p.field())));
        inference.validate().forEach(p -> errors.add(UserError.of(p.message(), "input", p.field())));
        if (!errors.isEmpty()) {
            return new ArchitecturePayload(null, errors);
        }
        ParameterCount count = ParameterCounter.count(config);
        return new ArchitecturePayload(new ArchitectureReport(config.name(), config.family(), count.total(),
                count.activePerToken(), count.components(), FlopsCalculator.perToken(config),
                MemoryCalculator.training(config, training), MemoryCalculator.inference(config, inference)), List.of());
    }

    @Query
    @Description("Compute-optimal parameters and tokens for a FLOP budget (C ≈ 6ND) by Chinchilla, Kaplan and the "
            + "20-tokens-per-parameter rule; with parameters and tokens, also Chinchilla's predicted loss.")
    public @NonNull ComputeOptimalPayload computeOptimal(double computeFlops, Double parameters, Double tokens) {
        List<UserError> errors = new ArrayList<>();
        ScalingLimits.checkCompute("computeFlops", computeFlops).forEach(p -> errors.add(UserError.of(p.message(), p.field())));
        if (parameters != null) {
            ScalingLimits.checkParameters("parameters", parameters).forEach(p -> errors.add(UserError.of(p.message(), p.field())));
        }
        if (tokens != null) {
            ScalingLimits.checkTokens("tokens", tokens).forEach(p -> errors.add(UserError.of(p.message(), p.field())));
        }
        if (!errors.isEmpty()) {
            return new ComputeOptimalPayload(List.of(), null, errors);
        }
        List<ComputeOptimal> allocations = List.of(ChinchillaLaw.approach3().optimal(computeFlops),
                KaplanLaw.published().optimal(computeFlops), TokensPerParameterRule.chinchilla().optimal(computeFlops));
        ChinchillaLoss loss = parameters == null || tokens == null ? null
                : new ChinchillaLoss(parameters, tokens, ChinchillaLaw.approach3().loss(parameters, tokens));
        return new ComputeOptimalPayload(allocations, loss, List.of());
    }

    @Query
    @Description("Wall-clock time, accelerator-hours, cost and energy of a training run.")
    public @NonNull TrainingCostPayload trainingCost(@NonNull TrainingCostInput input) {
        Optional<Accelerator> accelerator = Accelerator.all().stream().filter(a -> a.name().equals(input.accelerator())).findFirst();
        if (accelerator.isEmpty()) {
            return new TrainingCostPayload(null, List.of(UserError.of("unknown accelerator '" + input.accelerator() + "'; known: "
                    + Accelerator.all().stream().map(Accelerator::name).toList(), "input", "accelerator")));
        }
        TrainingCluster cluster = new TrainingCluster(accelerator.get(), input.count(), input.utilization(),
                input.pricePerAcceleratorHour(), accelerator.get().powerWatts(), input.pue() == null ? 1.1 : input.pue());
        List<UserError> errors = new ArrayList<>();
        cluster.validate().forEach(p -> errors.add(UserError.of(p.message(), "input", p.field())));
        ScalingLimits.checkCompute("computeFlops", input.computeFlops()).forEach(p -> errors.add(UserError.of(p.message(), "input", p.field())));
        if (!errors.isEmpty()) {
            return new TrainingCostPayload(null, errors);
        }
        TrainingEstimate e = cluster.estimate(input.computeFlops());
        return new TrainingCostPayload(new TrainingCost(e.sustainedFlopsPerSecond(), e.wallClockDays(), e.acceleratorHours(),
                e.cost(), e.energyKilowattHours().isPresent() ? e.energyKilowattHours().getAsDouble() : null), List.of());
    }

    @Query
    @Description("Published models with their parameters, training tokens and compute (as published, else 6ND), with sources, "
            + "from content/models/reference-models.yaml.")
    public @NonNull List<@NonNull ReferenceModel> referenceModels() {
        return ReferenceModel.all();
    }

    @Query
    @Description("Accelerators with their dense BF16 (or FP16) peak and power, from vendor datasheets.")
    public @NonNull List<@NonNull Accelerator> accelerators() {
        return Accelerator.all();
    }

    private static <T> void set(T value, java.util.function.Consumer<T> setter) {
        if (value != null) {
            setter.accept(value);
        }
    }
}
