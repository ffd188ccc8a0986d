package org.nslab.simulation.graphql;

import jakarta.annotation.security.RolesAllowed;
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
import org.nslab.simulation.engine.EmbeddingSpace;
import org.nslab.simulation.engine.Gpt;
import org.nslab.simulation.engine.Inspection;
import org.nslab.simulation.service.LabTokenizer;
import org.nslab.simulation.service.ReferenceModel;
import org.nslab.simulation.service.Models;
import org.nslab.simulation.tokenizer.BytePairEncoding;

/** The insides of the reference model for a prompt: attention, residual stream, MLP, logit lens, next tokens. */
@GraphQLApi
@RolesAllowed("service")
public class InspectionGraphQlApi {

    static final int MAX_PROMPT = InspectionFocus.MAX_PROMPT;
    static final int MAX_GENERATED = 64;

    private final ReferenceModel reference;
    private final LabTokenizer lab;
    private final Models models;

    public InspectionGraphQlApi(ReferenceModel reference, LabTokenizer lab, Models models) {
        this.reference = reference;
        this.lab = lab;
        this.models = models;
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

    @Type("InspectionReport")
    public record InspectionReport(@NonNull List<@NonNull TokenView> tokens, int layer, int position,
                                   @NonNull @Description("Every head of the chosen layer") List<@NonNull AttentionMap> attention,
                                   @NonNull @Description("[sub-layer][position]: embedding, then after each attention and MLP")
                                   List<@NonNull List<@NonNull Double>> residualNorms,
                                   @NonNull @Description("Top tokens read from each layer's residual stream at the position")
                                   List<@NonNull List<@NonNull CandidateView>> logitLens,
                                   @NonNull List<@NonNull CandidateView> next,
                                   @NonNull List<@NonNull NeuronView> topNeurons) {
    }

    @Type("InspectPayload")
    public record InspectPayload(InspectionReport inspection, @NonNull ReferenceModel.Status referenceModel,
                                 @NonNull List<@NonNull UserError> userErrors) {
    }

    @Input("InspectInput")
    public record InspectInput(@NonNull String prompt,
                               @Description("A training run to read instead of the reference model") String runId,
                               @Description("Its checkpoint step; the latest when absent") Integer checkpointStep,
                               Integer layer, Integer position, @DefaultValue("5") int top,
                               @DefaultValue("1.0") double temperature, @DefaultValue("0") int topK,
                               @DefaultValue("1.0") double topP) {
    }

    @Input("GenerateInput")
    public record GenerateInput(@NonNull String prompt, String runId, Integer checkpointStep, @DefaultValue("16") int tokens, @DefaultValue("1.0") double temperature,
                                @DefaultValue("40") int topK, @DefaultValue("0.95") double topP, @DefaultValue("1") long seed,
                                @DefaultValue("3") int alternatives) {
    }

    @Type("GeneratedToken")
    public record GeneratedToken(@NonNull TokenView token, double probability, @NonNull List<@NonNull CandidateView> alternatives) {
    }

    @Type("GeneratePayload")
    public record GeneratePayload(String text, @NonNull List<@NonNull GeneratedToken> steps,
                                  @NonNull ReferenceModel.Status referenceModel, @NonNull List<@NonNull UserError> userErrors) {
    }

    @Type("EmbeddingPoint")
    public record EmbeddingPoint(@NonNull TokenView token, double x, double y, double z) {
    }

    @Type("NeighbourView")
    public record NeighbourView(@NonNull TokenView token, double cosine) {
    }

    @Type("EmbeddingSpaceReport")
    public record EmbeddingSpaceReport(@NonNull List<@NonNull Double> explainedVarianceRatio,
                                       @NonNull @Description("Every token of the vocabulary on the 3 principal axes") List<@NonNull EmbeddingPoint> vocabulary,
                                       @NonNull @Description("The prompt's contextual vectors (after the final LayerNorm), on the same axes") List<@NonNull EmbeddingPoint> prompt,
                                       @NonNull List<@NonNull NeighbourView> neighbours) {
    }

    @Type("EmbeddingSpacePayload")
    public record EmbeddingSpacePayload(EmbeddingSpaceReport embeddingSpace, @NonNull ReferenceModel.Status referenceModel,
                                        @NonNull List<@NonNull UserError> userErrors) {
    }

    @Query
    @Description("The token embedding table in 3D (PCA), a prompt's contextual vectors in the same space, and the "
            + "nearest tokens to one token by cosine similarity.")
    public @NonNull EmbeddingSpacePayload embeddingSpace(String prompt, Integer neighboursOf, @DefaultValue("8") int k) {
        List<UserError> errors = new ArrayList<>();
        if (prompt != null && prompt.length() > MAX_PROMPT) {
            errors.add(UserError.of("prompt must have at most " + MAX_PROMPT + " characters", "prompt"));
        }
        if (k < 1 || k > 50) {
            errors.add(UserError.of("k must be between 1 and 50", "k"));
        }
        if (!errors.isEmpty()) {
            return new EmbeddingSpacePayload(null, reference.status(), errors);
        }
        BytePairEncoding bpe = lab.bpe();
        int[] tokens = prompt == null || prompt.isEmpty() ? new int[0] : bpe.encode(prompt);
        return models.apply((String) null, null, (key, model) -> {
            int vocab = model.config().vocabSize();
            if (neighboursOf != null && (neighboursOf < 0 || neighboursOf >= vocab)) {
                return new EmbeddingSpacePayload(null, reference.status(),
                        List.of(UserError.of("neighboursOf must be a token id between 0 and " + (vocab - 1), "neighboursOf")));
            }
            EmbeddingSpace.View space = EmbeddingSpace.of(model, tokens, neighboursOf == null ? -1 : neighboursOf, k);
            List<EmbeddingPoint> vocabulary = IntStream.range(0, vocab)
                    .mapToObj(t -> point(view(bpe, t), space.vocabulary()[t])).toList();
            List<EmbeddingPoint> promptPoints = IntStream.range(0, space.promptTokens().length)
                    .mapToObj(i -> point(view(bpe, space.promptTokens()[i]), space.prompt()[i])).toList();
            List<NeighbourView> neighbours = space.neighbours().stream()
                    .map(n -> new NeighbourView(view(bpe, n.index()), n.cosine())).toList();
            return new EmbeddingSpacePayload(new EmbeddingSpaceReport(Arrays.stream(space.explainedVarianceRatio()).boxed().toList(),
                    vocabulary, promptPoints, neighbours), reference.status(), List.<UserError>of());
        }).value().orElseGet(() -> new EmbeddingSpacePayload(null, reference.status(), List.of()));
    }

    private static EmbeddingPoint point(TokenView token, double[] xyz) {
        return new EmbeddingPoint(token, xyz[0], xyz[1], xyz[2]);
    }

    @Query
    @Description("The reference model: training while the platform starts for the first time, then ready.")
    public ReferenceModel.@NonNull Status referenceModel() {
        return reference.status();
    }

    @Query
    @Description("One forward pass of the reference model over the prompt, with its insides.")
    public @NonNull InspectPayload inspect(@NonNull InspectInput input) {
        List<UserError> errors = new ArrayList<>();
        InspectionFocus.checkPrompt(input.prompt(), errors);
        Inspection.Sampling sampling = sampling(input.temperature(), input.topK(), input.topP(), errors);
        if (input.top() < 1 || input.top() > 50) {
            errors.add(UserError.of("top must be between 1 and 50", "input", "top"));
        }
        if (!errors.isEmpty()) {
            return new InspectPayload(null, reference.status(), errors);
        }
        BytePairEncoding bpe = lab.bpe();
        int[] tokens = bpe.encode(input.prompt());
        Models.Answer<InspectPayload> answer = models.apply(input.runId(), input.checkpointStep(),
                (key, model) -> inspect(model, bpe, tokens, input, sampling));
        if (answer.problem() != null) {
            return new InspectPayload(null, reference.status(), List.of(InspectionFocus.error(answer.problem())));
        }
        return answer.value().orElseGet(() -> new InspectPayload(null, reference.status(), List.of()));
    }

    @Query
    @Description("Continues the prompt with a seeded sampler, showing the alternatives at every step.")
    public @NonNull GeneratePayload generate(@NonNull GenerateInput input) {
        List<UserError> errors = new ArrayList<>();
        InspectionFocus.checkPrompt(input.prompt(), errors);
        if (input.tokens() < 1 || input.tokens() > MAX_GENERATED) {
            errors.add(UserError.of("tokens must be between 1 and " + MAX_GENERATED, "input", "tokens"));
        }
        if (input.alternatives() < 1 || input.alternatives() > 10) {
            errors.add(UserError.of("alternatives must be between 1 and 10", "input", "alternatives"));
        }
        Inspection.Sampling sampling = sampling(input.temperature(), input.topK(), input.topP(), errors);
        if (!errors.isEmpty()) {
            return new GeneratePayload(null, List.of(), reference.status(), errors);
        }
        BytePairEncoding bpe = lab.bpe();
        int[] prompt = bpe.encode(input.prompt());
        Models.Answer<GeneratePayload> answer = models.apply(input.runId(), input.checkpointStep(), (key, model) -> {
            if (prompt.length > model.config().contextLength()) {
                return new GeneratePayload(null, List.of(), reference.status(), List.of(UserError.of("the prompt has "
                        + prompt.length + " tokens; at most " + model.config().contextLength(), "input", "prompt")));
            }
            List<Inspection.GenerationStep> steps = Inspection.generate(model, prompt, input.tokens(), sampling, input.seed(),
                    input.alternatives());
            int[] generated = steps.stream().mapToInt(Inspection.GenerationStep::token).toArray();
            return new GeneratePayload(bpe.decode(generated), steps.stream()
                    .map(s -> new GeneratedToken(view(bpe, s.token()), s.probability(), candidates(bpe, s.alternatives())))
                    .toList(), reference.status(), List.<UserError>of());
        });
        if (answer.problem() != null) {
            return new GeneratePayload(null, List.of(), reference.status(), List.of(InspectionFocus.error(answer.problem())));
        }
        return answer.value().orElseGet(() -> new GeneratePayload(null, List.of(), reference.status(), List.of()));
    }

    private InspectPayload inspect(Gpt model, BytePairEncoding bpe, int[] tokens, InspectInput input, Inspection.Sampling sampling) {
        List<UserError> errors = new ArrayList<>();
        InspectionFocus focus = InspectionFocus.of(model.config(), tokens.length, input.layer(), null, input.position(), errors);
        if (!errors.isEmpty()) {
            return new InspectPayload(null, reference.status(), errors);
        }
        int layer = focus.layer();
        int position = focus.position();
        Inspection inspection = new Inspection(model, tokens);
        List<AttentionMap> attention = IntStream.range(0, model.config().heads())
                .mapToObj(h -> new AttentionMap(layer, h, Arrays.stream(inspection.attention(layer, h)).map(InspectionGraphQlApi::boxed).toList()))
                .toList();
        List<List<Double>> norms = Arrays.stream(inspection.residualNorms()).map(r -> Arrays.stream(r).boxed().toList()).toList();
        List<List<CandidateView>> lens = inspection.logitLens(position, input.top()).stream().map(c -> candidates(bpe, c)).toList();
        List<CandidateView> next = candidates(bpe, inspection.next(position, sampling).stream().limit(input.top()).toList());
        List<NeuronView> neurons = inspection.topNeurons(layer, position, input.top()).stream()
                .map(n -> new NeuronView((int) n[0], n[1])).toList();
        List<TokenView> tokenViews = Arrays.stream(tokens).mapToObj(t -> view(bpe, t)).toList();
        return new InspectPayload(new InspectionReport(tokenViews, layer, position, attention, norms, lens, next, neurons),
                reference.status(), List.of());
    }

    private static Inspection.Sampling sampling(double temperature, int topK, double topP, List<UserError> errors) {
        try {
            return new Inspection.Sampling(temperature, topK, topP);
        } catch (IllegalArgumentException e) {
            String field = e.getMessage().substring(0, e.getMessage().indexOf(' '));
            errors.add(UserError.of(e.getMessage(), "input", field));
            return null;
        }
    }

    static List<CandidateView> candidates(BytePairEncoding bpe, List<Inspection.Candidate> candidates) {
        return candidates.stream().map(c -> new CandidateView(view(bpe, c.token()), c.probability())).toList();
    }

    static TokenView view(BytePairEncoding bpe, int token) {
        return new TokenView(token, bpe.text(token));
    }

    static List<Float> boxed(float[] row) {
        List<Float> list = new ArrayList<>(row.length);
        for (float v : row) {
            list.add(v);
        }
        return list;
    }
}
