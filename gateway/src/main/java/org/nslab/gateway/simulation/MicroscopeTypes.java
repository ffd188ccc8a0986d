package org.nslab.gateway.simulation;

import java.util.List;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.nslab.contracts.UserError;
import org.nslab.gateway.simulation.SimulationTypes.SimulationUserError;

/**
 * The simulation service's microscope and neuron-atlas answers, public through the gateway with the
 * same type and field names, so that one operation document reads the same on both endpoints. Read from the
 * simulation's JSON by the simulation pass-through (upstream.simulation): only the fields the caller selected are present.
 */
public final class MicroscopeTypes {

    private MicroscopeTypes() {
    }

    @Type("TokenView")
    public record TokenView(int id, @NonNull String text) {
    }

    @Type("CandidateView")
    public record CandidateView(@NonNull TokenView token, double probability) {
    }

    @Type("AttentionMap")
    public record AttentionMap(int layer, int head, @NonNull List<@NonNull List<@NonNull Float>> weights) {
    }

    @Type("NeuronView")
    public record NeuronView(int neuron, double activation) {
    }

    @Type("ModelShape")
    public record ModelShape(int layers, int heads, int width, int headSize, int hidden, int expansion, int contextLength,
                             int vocabSize, @NonNull String activation) {
    }

    @Type("AttentionFocus")
    public record AttentionFocus(int layer, int head, int position, @NonNull List<@NonNull Float> query,
                                 @NonNull List<@NonNull List<@NonNull Float>> keys,
                                 @NonNull List<@NonNull List<@NonNull Float>> values,
                                 @NonNull List<@NonNull Float> scores, @NonNull List<@NonNull Float> weights,
                                 @NonNull List<@NonNull Float> output,
                                 @NonNull @Description("keys packed: [tokens, headSize]") PackedTensor packedKeys,
                                 @NonNull @Description("values packed: [tokens, headSize]") PackedTensor packedValues) {
    }

    @Type("PackedTensor")
    @Description("Numbers packed in one string: float32, little-endian, row-major (last index fastest), base64 (RFC 4648). "
            + "In a browser: new Float32Array(Uint8Array.from(atob(float32), (c) => c.charCodeAt(0)).buffer).")
    public record PackedTensor(@NonNull @Description("The size of every dimension, outermost first") List<@NonNull Integer> shape,
                               @NonNull String float32) {
    }

    @Type("MicroscopeReport")
    public record MicroscopeReport(@NonNull ModelShape model, @NonNull List<@NonNull TokenView> tokens,
                                   @NonNull @Description("Every layer × head, layer-major (packedAttention is the same numbers, "
                                           + "much cheaper to send and read)") List<@NonNull AttentionMap> attention,
                                   @NonNull @Description("Every layer × head's weights packed: [layers, heads, tokens, tokens]")
                                   PackedTensor packedAttention,
                                   @NonNull AttentionFocus focus,
                                   @NonNull List<@NonNull List<@NonNull Double>> residualNorms,
                                   @NonNull List<@NonNull List<@NonNull CandidateView>> logitLens,
                                   @NonNull List<@NonNull CandidateView> next,
                                   @NonNull List<@NonNull List<@NonNull NeuronView>> topNeurons,
                                   @NonNull List<@NonNull Float> hiddenActivations) {
    }

    @Name("ReferenceModelState")
    public enum ReferenceModelState { TRAINING, READY, FAILED }

    @Type("ReferenceModelStatus")
    public record ReferenceModelStatus(ReferenceModelState state, int step, int steps, Double validationLoss, String message) {
    }

    @Type("MicroscopePayload")
    public record MicroscopePayload(MicroscopeReport microscope, @NonNull ReferenceModelStatus referenceModel,
                                    @NonNull List<@NonNull UserError> userErrors) {
    }

    @Input("MicroscopeInput")
    public record MicroscopeInput(@NonNull String prompt, String runId, Integer checkpointStep, Integer layer,
                                  @DefaultValue("0") int head, Integer position, @DefaultValue("5") int top) {
    }

    @Type("NeuronSnippet")
    public record NeuronSnippet(double activation, @NonNull List<@NonNull TokenView> tokens, int index) {
    }

    @Type("NeuronAtlasReport")
    public record NeuronAtlasReport(int layer, int neuron, int windows, int windowLength, @NonNull List<@NonNull NeuronSnippet> snippets) {
    }

    @Type("NeuronAtlasPayload")
    public record NeuronAtlasPayload(NeuronAtlasReport neuronAtlas, @NonNull ReferenceModelStatus referenceModel,
                                     @NonNull List<@NonNull UserError> userErrors) {
    }

    @Input("NeuronAtlasInput")
    public record NeuronAtlasInput(int layer, int neuron, String runId, Integer checkpointStep, @DefaultValue("5") int snippets) {
    }

    /** The simulation's payloads as the client reads them. */
    public record UpstreamMicroscope(MicroscopeReport microscope, ReferenceModelStatus referenceModel, List<SimulationUserError> userErrors) {
    }

    public record UpstreamNeuronAtlas(NeuronAtlasReport neuronAtlas, ReferenceModelStatus referenceModel, List<SimulationUserError> userErrors) {
    }
}
