package org.nslab.gateway.client;

import io.quarkus.arc.Arc;
import io.smallrye.graphql.client.typesafe.api.GraphQLClientApi;
import io.smallrye.graphql.client.typesafe.api.Header;
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
import org.nslab.gateway.simulation.SimulationTypes.TokenizeInput;
import org.nslab.gateway.simulation.SimulationTypes.Tokenization;

/**
 * The simulation service's internal GraphQL API (role {@code service}), called with the gateway's service account.
 * The records are the public types themselves (same names and shapes as the service's); the {@code *Result} records
 * are the service's payloads as read here, with its user errors (field path and message).
 */
@GraphQLClientApi(configKey = "simulation-lab")
@Header(name = "Authorization", method = "bearer")
public interface SimulationClient {

    static String bearer() {
        return "Bearer " + Arc.container().instance(ServiceTokens.class).get().accessToken();
    }

    @Query("tokenize")
    TokenizeResult tokenize(@NonNull @Name("input") TokenizeInput input);

    @Query("bpeReplay")
    BpeReplayResult bpeReplay(@NonNull @Name("text") String text);

    @Query("architecture")
    ArchitectureResult architecture(@NonNull @Name("input") ArchitectureInput input);

    @Query("computeOptimal")
    ComputeOptimalResult computeOptimal(@Name("computeFlops") double computeFlops, @Name("parameters") Double parameters,
                                        @Name("tokens") Double tokens);

    @Query("trainingCost")
    TrainingCostResult trainingCost(@NonNull @Name("input") TrainingCostInput input);

    @Query("referenceModels")
    List<ReferenceModel> referenceModels();

    @Query("accelerators")
    List<Accelerator> accelerators();

    @Query("referenceModel")
    ReferenceModelStatus referenceModel();

    @Query("dataPipeline")
    DataPipelineResult dataPipeline(@NonNull @Name("input") DataPipelineInput input);

    @Query("inspect")
    InspectResult inspect(@NonNull @Name("input") InspectInput input);

    @Query("generate")
    GenerateResult generate(@NonNull @Name("input") GenerateInput input);

    @Query("embeddingSpace")
    EmbeddingSpaceResult embeddingSpace(@Name("prompt") String prompt, @Name("neighboursOf") Integer neighboursOf,
                                        @Name("k") int k);

    @Mutation("startTrainingRun")
    TrainingRunResult startTrainingRun(@NonNull @Name("owner") String owner, @NonNull @Name("input") TrainingRunInput input);

    @Mutation("controlTrainingRun")
    TrainingRunResult controlTrainingRun(@NonNull @Name("owner") String owner, @NonNull @Name("runId") String runId,
                                         @NonNull @Name("action") Action action, @Name("steps") int steps);

    @Query("trainingRun")
    TrainingRun trainingRun(@NonNull @Name("id") String id);

    @Query("trainingRuns")
    List<TrainingRun> trainingRuns(@NonNull @Name("owner") String owner);

    @Mutation("computeLossLandscape")
    LossLandscapeResult computeLossLandscape(@Name("size") int size, @Name("radius") double radius, @Name("seed") long seed,
                                             @Name("runId") String runId);

    @Query("lossLandscapeJob")
    LossLandscapeJob lossLandscapeJob(@NonNull @Name("id") String id);

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
