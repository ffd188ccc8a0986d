package org.nslab.simulation.graphql;

import static org.nslab.simulation.graphql.InspectionGraphQlApi.candidates;
import static org.nslab.simulation.graphql.InspectionGraphQlApi.view;

import jakarta.annotation.security.RolesAllowed;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Type;
import org.nslab.simulation.engine.Gpt;
import org.nslab.simulation.engine.GptConfig;
import org.nslab.simulation.engine.Inspection;
import org.nslab.simulation.engine.NeuronAtlas;
import org.nslab.simulation.graphql.InspectionGraphQlApi.AttentionMap;
import org.nslab.simulation.graphql.InspectionGraphQlApi.CandidateView;
import org.nslab.simulation.graphql.InspectionGraphQlApi.NeuronView;
import org.nslab.simulation.graphql.InspectionGraphQlApi.TokenView;
import org.nslab.simulation.service.LabTokenizer;
import org.nslab.simulation.service.NeuronAtlases;
import org.nslab.simulation.service.ReferenceModel;
import org.nslab.simulation.service.Models;
import org.nslab.simulation.tokenizer.BytePairEncoding;

/**
 * Everything the Level 3 Component Microscope shows of one prompt in one answer (every layer × head's
 * attention, the chosen token's query, keys, values and output in one head, the MLP per token, residual
 * norms, logit lens), and the neuron atlas: the held-out corpus snippets that activate a neuron most.
 */
@GraphQLApi
@RolesAllowed("service")
public class MicroscopeGraphQlApi {

    private final ReferenceModel reference;
    private final LabTokenizer lab;
    private final Models models;
    private final NeuronAtlases atlases;

    public MicroscopeGraphQlApi(ReferenceModel reference, LabTokenizer lab, Models models, NeuronAtlases atlases) {
        this.reference = reference;
        this.lab = lab;
        this.models = models;
        this.atlases = atlases;
    }

    @Type("ModelShape")
    public record ModelShape(int layers, int heads, int width, int headSize, int hidden, int expansion, int contextLength,
                             int vocabSize, @NonNull String activation) {
        static ModelShape of(GptConfig c) {
            return new ModelShape(c.layers(), c.heads(), c.width(), c.headSize(), c.hidden(), c.mlpRatio(), c.contextLength(),
                    c.vocabSize(), "GELU");
        }
    }

    @Type("AttentionFocus")
    @Description("One token in one head: its query, every key and value, the scaled scores q·k/√d (masked keys absent) "
            + "and the head's output, the attention-weighted sum of the values")
    public record AttentionFocus(int layer, int head, int position, @NonNull List<@NonNull Float> query,
                                 @NonNull List<@NonNull List<@NonNull Float>> keys,
                                 @NonNull List<@NonNull List<@NonNull Float>> values,
                                 @NonNull List<@NonNull Float> scores, @NonNull List<@NonNull Float> weights,
                                 @NonNull List<@NonNull Float> output,
                                 @NonNull @Description("keys packed: [tokens, headSize]") PackedTensor packedKeys,
                                 @NonNull @Description("values packed: [tokens, headSize]") PackedTensor packedValues) {
    }

    @Type("MicroscopeReport")
    public record MicroscopeReport(@NonNull ModelShape model, @NonNull List<@NonNull TokenView> tokens,
                                   @NonNull @Description("Every layer × head, layer-major (packedAttention is the same numbers, "
                                           + "much cheaper to send and read)") List<@NonNull AttentionMap> attention,
                                   @NonNull @Description("Every layer × head's weights packed: [layers, heads, tokens, tokens]")
                                   PackedTensor packedAttention,
                                   @NonNull AttentionFocus focus,
                                   @NonNull @Description("[sub-layer][position]: embedding, then after each attention and MLP")
                                   List<@NonNull List<@NonNull Double>> residualNorms,
                                   @NonNull List<@NonNull List<@NonNull CandidateView>> logitLens,
                                   @NonNull List<@NonNull CandidateView> next,
                                   @NonNull @Description("[position]: the top MLP neurons of the focus layer")
                                   List<@NonNull List<@NonNull NeuronView>> topNeurons,
                                   @NonNull @Description("The focus token's MLP activations (after GELU) in the focus layer")
                                   List<@NonNull Float> hiddenActivations) {
    }

    @Type("MicroscopePayload")
    public record MicroscopePayload(MicroscopeReport microscope, @NonNull ReferenceModel.Status referenceModel,
                                    @NonNull List<@NonNull UserError> userErrors) {
    }

    @Input("MicroscopeInput")
    public record MicroscopeInput(@NonNull String prompt, String runId, Integer checkpointStep,
                                  @Description("Focus layer; the last when absent") Integer layer,
                                  @DefaultValue("0") int head,
                                  @Description("Focus token; the last when absent") Integer position,
                                  @DefaultValue("5") int top) {
    }

    @Type("NeuronSnippet")
    public record NeuronSnippet(double activation, @NonNull List<@NonNull TokenView> tokens,
                                @Description("Index of the activating token in tokens") int index) {
    }

    @Type("NeuronAtlasReport")
    public record NeuronAtlasReport(int layer, int neuron, int windows, int windowLength,
                                    @NonNull List<@NonNull NeuronSnippet> snippets) {
    }

    @Type("NeuronAtlasPayload")
    public record NeuronAtlasPayload(NeuronAtlasReport neuronAtlas, @NonNull ReferenceModel.Status referenceModel,
                                     @NonNull List<@NonNull UserError> userErrors) {
    }

    @Input("NeuronAtlasInput")
    public record NeuronAtlasInput(int layer, int neuron, String runId, Integer checkpointStep, @DefaultValue("5") int snippets) {
    }

    @Query
    @Description("One forward pass over the prompt with everything the Component Microscope draws.")
    public @NonNull MicroscopePayload microscope(@NonNull MicroscopeInput input) {
        List<UserError> errors = new ArrayList<>();
        InspectionFocus.checkPrompt(input.prompt(), errors);
        if (input.top() < 1 || input.top() > 20) {
            errors.add(UserError.of("top must be between 1 and 20", "input", "top"));
        }
        if (!errors.isEmpty()) {
            return new MicroscopePayload(null, reference.status(), errors);
        }
        BytePairEncoding bpe = lab.bpe();
        int[] tokens = bpe.encode(input.prompt());
        Models.Answer<MicroscopePayload> answer = models.apply(input.runId(), input.checkpointStep(),
                (key, model) -> report(model, bpe, tokens, input));
        if (answer.problem() != null) {
            return new MicroscopePayload(null, reference.status(), List.of(InspectionFocus.error(answer.problem())));
        }
        return answer.value().orElseGet(() -> new MicroscopePayload(null, reference.status(), List.of()));
    }

    @Query
    @Description("The held-out corpus snippets that activate one MLP neuron most (computed once per model, then cached).")
    public @NonNull NeuronAtlasPayload neuronAtlas(@NonNull NeuronAtlasInput input) {
        if (input.snippets() < 1 || input.snippets() > NeuronAtlases.KEEP) {
            return new NeuronAtlasPayload(null, reference.status(),
                    List.of(UserError.of("snippets must be between 1 and " + NeuronAtlases.KEEP, "input", "snippets")));
        }
        BytePairEncoding bpe = lab.bpe();
        Models.Answer<NeuronAtlasPayload> answer = models.apply(input.runId(), input.checkpointStep(), (key, model) -> {
            GptConfig c = model.config();
            List<UserError> range = new ArrayList<>();
            if (input.layer() < 0 || input.layer() >= c.layers()) {
                range.add(UserError.of("layer must be between 0 and " + (c.layers() - 1), "input", "layer"));
            }
            if (input.neuron() < 0 || input.neuron() >= c.hidden()) {
                range.add(UserError.of("neuron must be between 0 and " + (c.hidden() - 1), "input", "neuron"));
            }
            if (!range.isEmpty()) {
                return new NeuronAtlasPayload(null, reference.status(), range);
            }
            NeuronAtlas atlas = atlases.of(key, model);
            List<NeuronSnippet> snippets = atlas.top(input.layer(), input.neuron()).stream().limit(input.snippets())
                    .map(hit -> new NeuronSnippet(hit.activation(), Arrays.stream(atlas.context(hit, 10, 4))
                            .mapToObj(t -> view(bpe, t)).toList(), atlas.contextIndex(hit, 10)))
                    .toList();
            return new NeuronAtlasPayload(new NeuronAtlasReport(input.layer(), input.neuron(), atlas.windows(), atlas.time(), snippets),
                    reference.status(), List.of());
        });
        if (answer.problem() != null) {
            return new NeuronAtlasPayload(null, reference.status(), List.of(InspectionFocus.error(answer.problem())));
        }
        return answer.value().orElseGet(() -> new NeuronAtlasPayload(null, reference.status(), List.of()));
    }

    private MicroscopePayload report(Gpt model, BytePairEncoding bpe, int[] tokens, MicroscopeInput input) {
        GptConfig c = model.config();
        List<UserError> errors = new ArrayList<>();
        InspectionFocus chosen = InspectionFocus.of(c, tokens.length, input.layer(), input.head(), input.position(), errors);
        if (!errors.isEmpty()) {
            return new MicroscopePayload(null, reference.status(), errors);
        }
        Inspection inspection = new Inspection(model, tokens);
        // the number lists are views over the arrays: built only for the fields a caller selects
        List<AttentionMap> attention = new ArrayList<>();
        List<float[]> attentionRows = new ArrayList<>();
        for (int l = 0; l < c.layers(); l++) {
            for (int h = 0; h < c.heads(); h++) {
                float[][] matrix = inspection.attention(l, h);
                attention.add(new AttentionMap(l, h, Arrays.stream(matrix).map(MicroscopeGraphQlApi::floats).toList()));
                attentionRows.addAll(Arrays.asList(matrix));
            }
        }
        PackedTensor packedAttention = PackedTensor.of(List.of(c.layers(), c.heads(), tokens.length, tokens.length), attentionRows);
        Inspection.Focus f = inspection.focus(chosen.layer(), chosen.head(), chosen.position());
        List<float[]> keys = Arrays.asList(f.keys());
        List<float[]> values = Arrays.asList(f.values());
        AttentionFocus focus = new AttentionFocus(f.layer(), f.head(), f.position(), floats(f.query()),
                keys.stream().map(MicroscopeGraphQlApi::floats).toList(), values.stream().map(MicroscopeGraphQlApi::floats).toList(),
                floats(f.scores()), floats(f.weights()), floats(f.output()),
                PackedTensor.of(List.of(tokens.length, c.headSize()), keys), PackedTensor.of(List.of(tokens.length, c.headSize()), values));
        int layer = chosen.layer();
        int position = chosen.position();
        List<List<Double>> norms = Arrays.stream(inspection.residualNorms()).map(r -> Arrays.stream(r).boxed().toList()).toList();
        List<List<CandidateView>> lens = inspection.logitLens(position, input.top()).stream().map(l -> candidates(bpe, l)).toList();
        List<CandidateView> next = candidates(bpe, inspection.next(position, new Inspection.Sampling(1, 0, 1)).stream()
                .limit(input.top()).toList());
        List<List<NeuronView>> neurons = IntStream.range(0, tokens.length)
                .mapToObj(p -> inspection.topNeurons(layer, p, input.top()).stream().map(n -> new NeuronView((int) n[0], n[1])).toList())
                .toList();
        List<TokenView> views = Arrays.stream(tokens).mapToObj(t -> view(bpe, t)).toList();
        return new MicroscopePayload(new MicroscopeReport(ModelShape.of(c), views, attention, packedAttention, focus, norms, lens, next,
                neurons, floats(inspection.hiddenActivations(layer, position))), reference.status(), List.of());
    }

    /** A read-only list view of {@code values}, boxed one number at a time as it is read. */
    static List<Float> floats(float[] values) {
        return new AbstractList<>() {
            @Override
            public Float get(int index) {
                return values[index];
            }

            @Override
            public int size() {
                return values.length;
            }
        };
    }
}
