package org.nslab.gateway.upstream.simulation;

import graphql.schema.DataFetchingFieldSelectionSet;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.nslab.gateway.lab.DataPipelineTypes.DataPipelineInput;
import org.nslab.gateway.lab.LabTypes.Accelerator;
import org.nslab.gateway.lab.LabTypes.ArchitectureInput;
import org.nslab.gateway.lab.LabTypes.GenerateInput;
import org.nslab.gateway.lab.LabTypes.InspectInput;
import org.nslab.gateway.lab.LabTypes.LossLandscapeJob;
import org.nslab.gateway.lab.LabTypes.ReferenceModel;
import org.nslab.gateway.lab.LabTypes.TrainingCostInput;
import org.nslab.gateway.lab.LabTypes.TrainingRun;
import org.nslab.gateway.lab.LabTypes.TrainingRunInput;
import org.nslab.gateway.simulation.MicroscopeTypes.ReferenceModelStatus;
import org.nslab.gateway.simulation.SimulationTypes.TokenizeInput;
import org.nslab.gateway.upstream.Upstream;
import org.nslab.gateway.upstream.simulation.SimulationApi.Action;
import org.nslab.gateway.upstream.simulation.SimulationApi.ArchitectureResult;
import org.nslab.gateway.upstream.simulation.SimulationApi.BpeReplayResult;
import org.nslab.gateway.upstream.simulation.SimulationApi.ComputeOptimalResult;
import org.nslab.gateway.upstream.simulation.SimulationApi.DataPipelineResult;
import org.nslab.gateway.upstream.simulation.SimulationApi.EmbeddingSpaceResult;
import org.nslab.gateway.upstream.simulation.SimulationApi.GenerateResult;
import org.nslab.gateway.upstream.simulation.SimulationApi.InspectResult;
import org.nslab.gateway.upstream.simulation.SimulationApi.LossLandscapeResult;
import org.nslab.gateway.upstream.simulation.SimulationApi.TokenizeResult;
import org.nslab.gateway.upstream.simulation.SimulationApi.TrainingCostResult;
import org.nslab.gateway.upstream.simulation.SimulationApi.TrainingRunResult;

/**
 * The gateway's one client of the simulation service: every operation the gateway composes, each through
 * {@link Upstream} (deadline {@code nslab.upstream.services.simulation.timeout}, metrics, {@code service-unavailable}),
 * and the read-only queries whose caller picks the fields ({@code microscope}, {@code neuronAtlas}) through the
 * {@link SimulationPassThrough}, which forwards the caller's selection.
 */
@ApplicationScoped
public class SimulationUpstream {

    public static final String SERVICE = "simulation";

    private final SimulationApi api;
    private final SimulationPassThrough passThrough;
    private final Upstream upstream;

    public SimulationUpstream(SimulationApi api, SimulationPassThrough passThrough, Upstream upstream) {
        this.api = api;
        this.passThrough = passThrough;
        this.upstream = upstream;
    }

    /** A read-only query forwarded with the caller's selection: {@code field(input: $input) { selection }}. */
    public <T> T query(String field, String inputType, Object input, DataFetchingFieldSelectionSet selection, Class<T> payload) {
        return upstream.callBlocking(SERVICE, field, () -> passThrough.query(field, inputType, input, selection, payload));
    }

    public TokenizeResult tokenize(TokenizeInput input) {
        return upstream.call(SERVICE, "tokenize", () -> api.tokenize(input));
    }

    public BpeReplayResult bpeReplay(String text) {
        return upstream.call(SERVICE, "bpeReplay", () -> api.bpeReplay(text));
    }

    public ArchitectureResult architecture(ArchitectureInput input) {
        return upstream.call(SERVICE, "architecture", () -> api.architecture(input));
    }

    public ComputeOptimalResult computeOptimal(double computeFlops, Double parameters, Double tokens) {
        return upstream.call(SERVICE, "computeOptimal", () -> api.computeOptimal(computeFlops, parameters, tokens));
    }

    public TrainingCostResult trainingCost(TrainingCostInput input) {
        return upstream.call(SERVICE, "trainingCost", () -> api.trainingCost(input));
    }

    public List<ReferenceModel> referenceModels() {
        return upstream.call(SERVICE, "referenceModels", api::referenceModels);
    }

    public List<Accelerator> accelerators() {
        return upstream.call(SERVICE, "accelerators", api::accelerators);
    }

    public ReferenceModelStatus referenceModel() {
        return upstream.call(SERVICE, "referenceModel", api::referenceModel);
    }

    public DataPipelineResult dataPipeline(DataPipelineInput input) {
        return upstream.call(SERVICE, "dataPipeline", () -> api.dataPipeline(input));
    }

    public InspectResult inspect(InspectInput input) {
        return upstream.call(SERVICE, "inspect", () -> api.inspect(input));
    }

    public GenerateResult generate(GenerateInput input) {
        return upstream.call(SERVICE, "generate", () -> api.generate(input));
    }

    public EmbeddingSpaceResult embeddingSpace(String prompt, Integer neighboursOf, int k) {
        return upstream.call(SERVICE, "embeddingSpace", () -> api.embeddingSpace(prompt, neighboursOf, k));
    }

    public TrainingRunResult startTrainingRun(String owner, TrainingRunInput input) {
        return upstream.call(SERVICE, "startTrainingRun", () -> api.startTrainingRun(owner, input));
    }

    public TrainingRunResult controlTrainingRun(String owner, String runId, Action action, int steps) {
        return upstream.call(SERVICE, "controlTrainingRun", () -> api.controlTrainingRun(owner, runId, action, steps));
    }

    public TrainingRun trainingRun(String id) {
        return upstream.call(SERVICE, "trainingRun", () -> api.trainingRun(id));
    }

    public List<TrainingRun> trainingRuns(String owner) {
        return upstream.call(SERVICE, "trainingRuns", () -> api.trainingRuns(owner));
    }

    public LossLandscapeResult computeLossLandscape(int size, double radius, long seed, String runId) {
        return upstream.call(SERVICE, "computeLossLandscape", () -> api.computeLossLandscape(size, radius, seed, runId));
    }

    public LossLandscapeJob lossLandscapeJob(String id) {
        return upstream.call(SERVICE, "lossLandscapeJob", () -> api.lossLandscapeJob(id));
    }
}
