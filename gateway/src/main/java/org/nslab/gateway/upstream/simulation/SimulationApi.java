package org.nslab.gateway.upstream.simulation;

import io.smallrye.graphql.client.typesafe.api.GraphQLClientApi;
import io.smallrye.graphql.client.typesafe.api.Header;
import io.smallrye.mutiny.Uni;
import java.util.List;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.nslab.gateway.lab.DataPipelineTypes.CategoryShare;
import org.nslab.gateway.lab.DataPipelineTypes.DataDocument;
import org.nslab.gateway.lab.DataPipelineTypes.DataPipelineInput;
import org.nslab.gateway.lab.DataPipelineTypes.DataStage;
import org.nslab.gateway.lab.DataPipelineTypes.DocumentSample;
import org.nslab.gateway.lab.DataPipelineTypes.SourceShare;
import org.nslab.gateway.lab.DataPipelineTypes.SpamFilterReport;
import org.nslab.gateway.lab.LabTypes.Accelerator;
import org.nslab.gateway.lab.LabTypes.ArchitectureInput;
import org.nslab.gateway.lab.LabTypes.ArchitectureReport;
import org.nslab.gateway.lab.LabTypes.BpeReplayStep;
import org.nslab.gateway.lab.LabTypes.ChinchillaLoss;
import org.nslab.gateway.lab.LabTypes.ComputeOptimal;
import org.nslab.gateway.lab.LabTypes.EmbeddingSpaceReport;
import org.nslab.gateway.lab.LabTypes.GenerateInput;
import org.nslab.gateway.lab.LabTypes.GeneratedToken;
import org.nslab.gateway.lab.LabTypes.InspectInput;
import org.nslab.gateway.lab.LabTypes.InspectionReport;
import org.nslab.gateway.lab.LabTypes.LossLandscapeJob;
import org.nslab.gateway.lab.LabTypes.ReferenceModel;
import org.nslab.gateway.lab.LabTypes.TrainingCost;
import org.nslab.gateway.lab.LabTypes.TrainingCostInput;
import org.nslab.gateway.lab.LabTypes.TrainingRun;
import org.nslab.gateway.lab.LabTypes.TrainingRunInput;
import org.nslab.gateway.simulation.MicroscopeTypes.ReferenceModelStatus;
import org.nslab.gateway.simulation.SimulationTypes.SimulationUserError;
import org.nslab.gateway.simulation.SimulationTypes.Tokenization;
import org.nslab.gateway.simulation.SimulationTypes.TokenizeInput;
import org.nslab.gateway.upstream.ServiceTokens;

/**
 * The simulation service's internal GraphQL API (role {@code service}) as a typed client, called with the gateway's
 * service account; only {@link SimulationUpstream} uses it (deadline, metrics, clear error). The records are the public
 * types themselves (same names and shapes as the service's); the {@code *Result} records are the service's payloads
 * as read here, with its user errors (field path and message). Read-only queries whose answer is large and selected by
 * the caller go through {@link SimulationPassThrough} instead.
 */
@GraphQLClientApi(configKey = "simulation")
@Header(name = "Authorization", method = "bearer")
public interface SimulationApi {

    static String bearer() {
        return ServiceTokens.bearer();
    }

    @Query("tokenize")
    Uni<TokenizeResult> tokenize(@NonNull @Name("input") TokenizeInput input);

    @Query("bpeReplay")
    Uni<BpeReplayResult> bpeReplay(@NonNull @Name("text") String text);

    @Query("architecture")
    Uni<ArchitectureResult> architecture(@NonNull @Name("input") ArchitectureInput input);

    @Query("computeOptimal")
    Uni<ComputeOptimalResult> computeOptimal(@Name("computeFlops") double computeFlops, @Name("parameters") Double parameters,
                                             @Name("tokens") Double tokens);

    @Query("trainingCost")
    Uni<TrainingCostResult> trainingCost(@NonNull @Name("input") TrainingCostInput input);

    @Query("referenceModels")
    Uni<List<ReferenceModel>> referenceModels();

    @Query("accelerators")
    Uni<List<Accelerator>> accelerators();

    @Query("referenceModel")
    Uni<ReferenceModelStatus> referenceModel();

    @Query("dataPipeline")
    Uni<DataPipelineResult> dataPipeline(@NonNull @Name("input") DataPipelineInput input);

    @Query("inspect")
    Uni<InspectResult> inspect(@NonNull @Name("input") InspectInput input);

    @Query("generate")
    Uni<GenerateResult> generate(@NonNull @Name("input") GenerateInput input);

    @Query("embeddingSpace")
    Uni<EmbeddingSpaceResult> embeddingSpace(@Name("prompt") String prompt, @Name("neighboursOf") Integer neighboursOf,
                                             @Name("k") int k);

    @Mutation("startTrainingRun")
    Uni<TrainingRunResult> startTrainingRun(@NonNull @Name("owner") String owner, @NonNull @Name("input") TrainingRunInput input);

    @Mutation("controlTrainingRun")
    Uni<TrainingRunResult> controlTrainingRun(@NonNull @Name("owner") String owner, @NonNull @Name("runId") String runId,
                                              @NonNull @Name("action") Action action, @Name("steps") int steps);

    @Query("trainingRun")
    Uni<TrainingRun> trainingRun(@NonNull @Name("id") String id);

    @Query("trainingRuns")
    Uni<List<TrainingRun>> trainingRuns(@NonNull @Name("owner") String owner);

    @Mutation("computeLossLandscape")
    Uni<LossLandscapeResult> computeLossLandscape(@Name("size") int size, @Name("radius") double radius, @Name("seed") long seed,
                                                  @Name("runId") String runId);

    @Query("lossLandscapeJob")
    Uni<LossLandscapeJob> lossLandscapeJob(@NonNull @Name("id") String id);

    /** The service's enum of run controls (its schema name is {@code Action}). */
    enum Action { PAUSE, RESUME, CANCEL, STEP }

    /** The service's TokenizePayload, as the client reads it. */
    record TokenizeResult(List<Tokenization> tokenizations, List<SimulationUserError> userErrors) {
    }

    record BpeReplayResult(List<Integer> bytes, List<BpeReplayStep> steps, List<SimulationUserError> userErrors) {
    }

    record ArchitectureResult(ArchitectureReport architecture, List<SimulationUserError> userErrors) {
    }

    record ComputeOptimalResult(List<ComputeOptimal> allocations, ChinchillaLoss chinchillaLoss, List<SimulationUserError> userErrors) {
    }

    record TrainingCostResult(TrainingCost estimate, List<SimulationUserError> userErrors) {
    }

    record InspectResult(InspectionReport inspection, ReferenceModelStatus referenceModel, List<SimulationUserError> userErrors) {
    }

    record GenerateResult(String text, List<GeneratedToken> steps, ReferenceModelStatus referenceModel,
                          List<SimulationUserError> userErrors) {
    }

    record EmbeddingSpaceResult(EmbeddingSpaceReport embeddingSpace, ReferenceModelStatus referenceModel,
                                List<SimulationUserError> userErrors) {
    }

    /** The service's DataPipelinePayload, as the client reads it. */
    record DataPipelineResult(List<DataStage> stages, List<DataDocument> documents, Integer documentCount,
                              List<CategoryShare> mixture, List<SourceShare> sources, SpamFilterReport spamFilter,
                              List<DocumentSample> keptSamples, List<SimulationUserError> userErrors) {
    }

    record LossLandscapeResult(LossLandscapeJob job, List<SimulationUserError> userErrors) {
    }

    record TrainingRunResult(TrainingRun run, List<SimulationUserError> userErrors) {
    }
}
