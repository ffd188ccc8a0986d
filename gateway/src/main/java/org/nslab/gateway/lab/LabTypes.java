package org.nslab.gateway.lab;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.nslab.contracts.UserError;
import org.nslab.gateway.simulation.MicroscopeTypes.AttentionMap;
import org.nslab.gateway.simulation.MicroscopeTypes.CandidateView;
import org.nslab.gateway.simulation.MicroscopeTypes.NeuronView;
import org.nslab.gateway.simulation.MicroscopeTypes.ReferenceModelStatus;
import org.nslab.gateway.simulation.MicroscopeTypes.TokenView;

/**
 * The simulation service's calculator, lab and training-run types as the public schema shows them: the same names
 * and shapes as the service's, so one record is both the public type and what the typed client reads (the inputs
 * are forwarded as they are). Only the payloads differ: the public {@link UserError} carries a code.
 */
public final class LabTypes {

    private LabTypes() {
    }

    // --- tokenizer
    @Input("BpeReplayInput")
    public record BpeReplayInput(@NonNull @Description("At most 300 characters") String text) {
    }

    @Type("BpeReplayStep")
    public record BpeReplayStep(int mergeRank, @NonNull String left, @NonNull String right, @NonNull String merged,
                                @NonNull List<@NonNull Integer> tokens) {
    }

    @Type("BpeReplayPayload")
    public record BpeReplayPayload(@NonNull List<@NonNull Integer> bytes, @NonNull List<@NonNull BpeReplayStep> steps,
                                   @NonNull List<@NonNull UserError> userErrors) {
    }

    // --- architecture calculator
    public enum ModelFamily { DECODER_ONLY, ENCODER_ONLY }

    public enum Activation { GELU, RELU, SWIGLU }

    public enum Normalization { LAYER_NORM, RMS_NORM }

    public enum PositionEncoding { LEARNED, SINUSOIDAL, ROTARY }

    public enum TrainingPrecision { FP32, BF16, MIXED }

    public enum DataType { FP32, FP16, BF16, FP8, INT8, INT4 }

    @Input("ArchitectureInput")
    @Description("A published preset (e.g. \"GPT-2 small\") or a family's defaults, with any field overridden; plus how it is "
            + "trained and served.")
    public record ArchitectureInput(String preset, ModelFamily family, Integer vocabSize, Integer contextLength,
                                    Integer layers, Integer dModel, Integer heads, Integer kvHeads, Integer mlpHidden,
                                    Activation activation, Normalization normalization, Boolean biases,
                                    PositionEncoding positions, Boolean tiedEmbeddings, Integer experts, Integer activeExperts,
                                    TrainingPrecision precision, Integer zeroStage, Integer gpus, Integer microBatch,
                                    Boolean activationCheckpointing, DataType inferenceWeights, DataType kvCache,
                                    Integer inferenceBatch) {

        /** A published preset with its own defaults, nothing overridden. */
        public static ArchitectureInput preset(String preset) {
            return new ArchitectureInput(preset, null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null, null, null, null, null, null);
        }
    }

    @Type("ParameterComponent")
    public record ParameterComponent(@NonNull String name, long parameters) {
    }

    @Type("FlopsPerToken")
    public record FlopsPerToken(int contextLength, double weightMatmuls, double attention, double forward, double training) {
    }

    @Type("TrainingMemory")
    public record TrainingMemory(double weightBytes, double gradientBytes, double optimizerStateBytes,
                                 double activationBytesPerTokenPerLayer, double activationBytesPerLayer,
                                 double activationBytes, double totalBytes) {
    }

    @Type("InferenceMemory")
    public record InferenceMemory(double weightBytes, double kvCacheBytesPerToken, double kvCacheBytes, double totalBytes) {
    }

    @Type("ArchitectureReport")
    public record ArchitectureReport(@NonNull String name, @NonNull ModelFamily family, long totalParameters,
                                     long activeParametersPerToken, @NonNull List<@NonNull ParameterComponent> components,
                                     @NonNull FlopsPerToken flopsPerToken, @NonNull TrainingMemory trainingMemoryPerGpu,
                                     @NonNull InferenceMemory inferenceMemory) {
    }

    @Type("ArchitecturePayload")
    public record ArchitecturePayload(ArchitectureReport architecture, @NonNull List<@NonNull UserError> userErrors) {
    }

    // --- scaling laws, time and cost
    @Input("ComputeOptimalInput")
    public record ComputeOptimalInput(@Description("FLOP budget C") double computeFlops,
                                      @Description("With tokens: Chinchilla's predicted loss for (N, D)") Double parameters,
                                      Double tokens) {
    }

    @Type("ComputeOptimal")
    public record ComputeOptimal(@NonNull String method, double computeFlops, double parameters, double tokens) {
    }

    @Type("ChinchillaLoss")
    public record ChinchillaLoss(double parameters, double tokens, double loss) {
    }

    @Type("ComputeOptimalPayload")
    public record ComputeOptimalPayload(@NonNull List<@NonNull ComputeOptimal> allocations, ChinchillaLoss chinchillaLoss,
                                        @NonNull List<@NonNull UserError> userErrors) {
    }

    @Input("TrainingCostInput")
    public record TrainingCostInput(double computeFlops, @NonNull String accelerator, int count, double utilization,
                                    double pricePerAcceleratorHour, Double pue) {
    }

    @Type("TrainingCost")
    public record TrainingCost(double sustainedFlopsPerSecond, double wallClockDays, double acceleratorHours, double cost,
                               Double energyKilowattHours) {
    }

    @Type("TrainingCostPayload")
    public record TrainingCostPayload(TrainingCost estimate, @NonNull List<@NonNull UserError> userErrors) {
    }

    @Type("ReferenceModel")
    public record ReferenceModel(@NonNull String name, String organization, int year, double parameters, double tokens,
                                 double computeFlops, boolean computePublished, String source, String url) {
    }

    @Type("Accelerator")
    public record Accelerator(@NonNull String name, double peakFlopsPerSecond, double powerWatts, String source) {
    }

    // --- the reference model's (or a run's) insides
    @Input("InspectInput")
    public record InspectInput(@NonNull String prompt,
                               @Description("A training run of the caller's to read instead of the reference model") String runId,
                               @Description("Its checkpoint step; the latest when absent") Integer checkpointStep,
                               Integer layer, Integer position, @DefaultValue("5") int top,
                               @DefaultValue("1.0") double temperature, @DefaultValue("0") int topK,
                               @DefaultValue("1.0") double topP) {
    }

    @Type("InspectionReport")
    public record InspectionReport(@NonNull List<@NonNull TokenView> tokens, int layer, int position,
                                   @NonNull List<@NonNull AttentionMap> attention,
                                   @NonNull List<@NonNull List<@NonNull Double>> residualNorms,
                                   @NonNull List<@NonNull List<@NonNull CandidateView>> logitLens,
                                   @NonNull List<@NonNull CandidateView> next, @NonNull List<@NonNull NeuronView> topNeurons) {
    }

    @Type("InspectPayload")
    public record InspectPayload(InspectionReport inspection, @NonNull ReferenceModelStatus referenceModel,
                                 @NonNull List<@NonNull UserError> userErrors) {
    }

    @Input("GenerateInput")
    public record GenerateInput(@NonNull String prompt, String runId, Integer checkpointStep, @DefaultValue("16") int tokens,
                                @DefaultValue("1.0") double temperature, @DefaultValue("40") int topK,
                                @DefaultValue("0.95") double topP, @DefaultValue("1") long seed,
                                @DefaultValue("3") int alternatives) {
    }

    @Type("GeneratedToken")
    public record GeneratedToken(@NonNull TokenView token, double probability, @NonNull List<@NonNull CandidateView> alternatives) {
    }

    @Type("GeneratePayload")
    public record GeneratePayload(String text, @NonNull List<@NonNull GeneratedToken> steps,
                                  @NonNull ReferenceModelStatus referenceModel, @NonNull List<@NonNull UserError> userErrors) {
    }

    @Input("EmbeddingSpaceInput")
    public record EmbeddingSpaceInput(String prompt, Integer neighboursOf, @DefaultValue("8") int k) {
    }

    @Type("EmbeddingPoint")
    public record EmbeddingPoint(@NonNull TokenView token, double x, double y, double z) {
    }

    @Type("NeighbourView")
    public record NeighbourView(@NonNull TokenView token, double cosine) {
    }

    @Type("EmbeddingSpaceReport")
    public record EmbeddingSpaceReport(@NonNull List<@NonNull Double> explainedVarianceRatio,
                                       @NonNull List<@NonNull EmbeddingPoint> vocabulary, @NonNull List<@NonNull EmbeddingPoint> prompt,
                                       @NonNull List<@NonNull NeighbourView> neighbours) {
    }

    @Type("EmbeddingSpacePayload")
    public record EmbeddingSpacePayload(EmbeddingSpaceReport embeddingSpace, @NonNull ReferenceModelStatus referenceModel,
                                        @NonNull List<@NonNull UserError> userErrors) {
    }

    // --- training runs
    @Input("TrainingRunInput")
    public record TrainingRunInput(@DefaultValue("2") int layers, @DefaultValue("2") int heads, @DefaultValue("64") int width,
                                   @DefaultValue("64") int contextLength, @DefaultValue("8") int batch,
                                   @DefaultValue("0.003") double learningRate, @DefaultValue("10") int warmupSteps,
                                   @DefaultValue("200") int steps, @DefaultValue("0.1") double weightDecay,
                                   @DefaultValue("1") long seed, @DefaultValue("20") int evalEvery,
                                   @DefaultValue("0") int patience, @DefaultValue("50") int checkpointEvery,
                                   @DefaultValue("0") int throttleMillis) {
    }

    public enum TrainingRunAction { PAUSE, RESUME, CANCEL, STEP }

    @Input("ControlTrainingRunInput")
    public record ControlTrainingRunInput(@NonNull @Id String runId, @NonNull TrainingRunAction action,
                                          @DefaultValue("1") @Description("For STEP: how many steps") int steps) {
    }

    @Type("TrainingRunCheckpoint")
    public record TrainingRunCheckpoint(int step, Double trainLoss, Double validationLoss, @NonNull Instant createdAt) {
    }

    @Type("TrainingRun")
    public record TrainingRun(@NonNull @Id String id, @NonNull String owner, @NonNull String state, int step, int steps,
                              @Description("Runs waiting before this one, counting it; 0 when not queued") long queuePosition,
                              Double lastTrainLoss, Double bestValidationLoss, String message,
                              @NonNull List<@NonNull TrainingRunCheckpoint> checkpoints) {
    }

    @Type("TrainingRunPayload")
    public record TrainingRunPayload(TrainingRun run, @NonNull List<@NonNull UserError> userErrors) {
    }

    // --- loss landscape
    @Input("ComputeLossLandscapeInput")
    public record ComputeLossLandscapeInput(@DefaultValue("21") @Description("Grid points per axis, 2 to 51") int size,
                                            @DefaultValue("1.0") @Description("Half-width of the slice, (0, 10]") double radius,
                                            @DefaultValue("1") long seed,
                                            @Description("Around the latest checkpoint of this run of the caller's, with its "
                                                    + "trajectory; the reference model when absent") @Id String runId) {
    }

    public enum LossLandscapeState { QUEUED, RUNNING, DONE, FAILED }

    @Type("LossLandscapeTrajectoryPoint")
    public record TrajectoryPoint(int step, double alpha, double beta) {
    }

    @Type("LossLandscapeJob")
    public record LossLandscapeJob(@NonNull @Id String id, @NonNull LossLandscapeState state, int done, int total, int size,
                                   double radius, long seed, List<@NonNull Double> alphas, List<@NonNull Double> betas,
                                   @Description("losses[i][j] at (alphas[i], betas[j])") List<@NonNull List<@NonNull Double>> losses,
                                   Double centerLoss, String runId, @NonNull List<@NonNull TrajectoryPoint> trajectory) {
    }

    @Type("ComputeLossLandscapePayload")
    public record ComputeLossLandscapePayload(LossLandscapeJob job, @NonNull List<@NonNull UserError> userErrors) {
    }
}
