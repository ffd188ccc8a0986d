package org.nslab.gateway.graphql;

import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Type;
import org.nslab.contracts.UserError;
import org.nslab.contracts.UserErrorCode;
import org.nslab.gateway.lab.CallerRuns;
import org.nslab.gateway.lab.LabTypes.Accelerator;
import org.nslab.gateway.lab.LabTypes.ArchitectureInput;
import org.nslab.gateway.lab.LabTypes.ArchitecturePayload;
import org.nslab.gateway.lab.LabTypes.BpeReplayInput;
import org.nslab.gateway.lab.LabTypes.BpeReplayPayload;
import org.nslab.gateway.lab.LabTypes.ComputeOptimalInput;
import org.nslab.gateway.lab.LabTypes.ComputeOptimalPayload;
import org.nslab.gateway.lab.LabTypes.EmbeddingSpaceInput;
import org.nslab.gateway.lab.LabTypes.EmbeddingSpacePayload;
import org.nslab.gateway.lab.LabTypes.GenerateInput;
import org.nslab.gateway.lab.LabTypes.GeneratePayload;
import org.nslab.gateway.lab.LabTypes.InspectInput;
import org.nslab.gateway.lab.LabTypes.InspectPayload;
import org.nslab.gateway.lab.LabTypes.ReferenceModel;
import org.nslab.gateway.lab.LabTypes.TrainingCostInput;
import org.nslab.gateway.lab.LabTypes.TrainingCostPayload;
import org.nslab.gateway.simulation.MicroscopeTypes.ReferenceModelStatus;
import org.nslab.gateway.simulation.SimulationTypes.SimulationUserError;
import org.nslab.gateway.simulation.SimulationTypes.Tokenization;
import org.nslab.gateway.simulation.SimulationTypes.TokenizeInput;
import org.nslab.gateway.simulation.SimulationTypes.TokenizerName;
import org.nslab.gateway.upstream.simulation.SimulationApi;
import org.nslab.gateway.upstream.simulation.SimulationUpstream;

/**
 * The simulation service's calculators and lab, composed into the public schema: the tokenizer playground, the
 * architecture calculator, the scaling laws with time and cost, the reference model's insides, generation and the
 * embedding space. Each is one call to the service (role {@code service}, the gateway's service account); its shapes
 * pass through, and its user errors too, under the public input's path ({@code ["input", …]}).
 */
@GraphQLApi
public class SimulationGraphQlApi {

    static final int MAX_TEXT = 20_000;
    static final int MAX_PROMPT = 2_000;

    private final SimulationUpstream simulation;
    private final CallerRuns caller;

    public SimulationGraphQlApi(SimulationUpstream simulation, CallerRuns caller) {
        this.simulation = simulation;
        this.caller = caller;
    }

    @Type("TokenizePayload")
    public record TokenizePayload(@NonNull List<@NonNull Tokenization> tokenizations, @NonNull List<@NonNull UserError> userErrors) {
    }

    @Query
    @Description("The text in each tokenizer asked for: tokens with ids, texts and byte spans (computed by the simulation service).")
    @RolesAllowed({"learner", "instructor", "admin", "module-author", "guest"})
    public @NonNull TokenizePayload tokenize(@NonNull @Name("input") TokenizeInput input) {
        List<UserError> errors = new ArrayList<>();
        if (input.text().length() > MAX_TEXT) {
            errors.add(new UserError(List.of("input", "text"), "text has " + input.text().length() + " characters; at most " + MAX_TEXT,
                    UserErrorCode.TEXT_TOO_LONG));
        }
        if (input.tokenizers().isEmpty() || input.tokenizers().size() > TokenizerName.values().length) {
            errors.add(new UserError(List.of("input", "tokenizers"), "ask for 1 to " + TokenizerName.values().length + " tokenizers",
                    UserErrorCode.INVALID_TOKENIZERS));
        }
        if (!errors.isEmpty()) {
            return new TokenizePayload(List.of(), errors);
        }
        SimulationApi.TokenizeResult result = simulation.tokenize(input);
        return new TokenizePayload(result.tokenizations(), userErrors(result.userErrors()));
    }

    @Query
    @Description("How the lab BPE turns a short text (at most 300 characters) into tokens, one merge at a time.")
    @RolesAllowed({"learner", "instructor", "admin", "module-author", "guest"})
    public @NonNull BpeReplayPayload bpeReplay(@NonNull @Name("input") BpeReplayInput input) {
        SimulationApi.BpeReplayResult r = simulation.bpeReplay(input.text());
        return new BpeReplayPayload(r.bytes(), r.steps(), userErrors(r.userErrors()));
    }

    @Query
    @Description("Exact parameters by component, FLOPs per token, training memory per GPU and inference memory of a "
            + "preset or a custom GPT/BERT-style architecture.")
    @RolesAllowed({"learner", "instructor", "admin", "module-author", "guest"})
    public @NonNull ArchitecturePayload architecture(@NonNull @Name("input") ArchitectureInput input) {
        SimulationApi.ArchitectureResult r = simulation.architecture(input);
        return new ArchitecturePayload(r.architecture(), userErrors(r.userErrors()));
    }

    @Query
    @Description("Compute-optimal parameters and tokens for a FLOP budget by Chinchilla, Kaplan and the 20-tokens-per-parameter "
            + "rule; with parameters and tokens, Chinchilla's predicted loss.")
    @RolesAllowed({"learner", "instructor", "admin", "module-author", "guest"})
    public @NonNull ComputeOptimalPayload computeOptimal(@NonNull @Name("input") ComputeOptimalInput input) {
        SimulationApi.ComputeOptimalResult r = simulation.computeOptimal(input.computeFlops(), input.parameters(), input.tokens());
        return new ComputeOptimalPayload(r.allocations(), r.chinchillaLoss(), userErrors(r.userErrors()));
    }

    @Query
    @Description("Wall-clock time, accelerator-hours, cost and energy of a training run of computeFlops on a cluster.")
    @RolesAllowed({"learner", "instructor", "admin", "module-author", "guest"})
    public @NonNull TrainingCostPayload trainingCost(@NonNull @Name("input") TrainingCostInput input) {
        SimulationApi.TrainingCostResult r = simulation.trainingCost(input);
        return new TrainingCostPayload(r.estimate(), userErrors(r.userErrors()));
    }

    @Query
    @Description("Published models with parameters, training tokens and compute (as published, else 6ND), with sources.")
    @RolesAllowed({"learner", "instructor", "admin", "module-author", "guest"})
    public @NonNull List<@NonNull ReferenceModel> referenceModels() {
        return simulation.referenceModels();
    }

    @Query
    @Description("Accelerators with their dense peak FLOP/s and power, from vendor datasheets.")
    @RolesAllowed({"learner", "instructor", "admin", "module-author", "guest"})
    public @NonNull List<@NonNull Accelerator> accelerators() {
        return simulation.accelerators();
    }

    @Query
    @Description("The lab's reference model: TRAINING (with its step), READY or FAILED.")
    @RolesAllowed({"learner", "instructor", "admin", "module-author", "guest"})
    public @NonNull ReferenceModelStatus referenceModel() {
        return simulation.referenceModel();
    }

    @Query
    @Description("A prompt through the reference model (or a checkpoint of one of the caller's runs): tokens, every head's "
            + "attention in a layer, residual norms, logit lens, next-token candidates, top MLP neurons.")
    @RolesAllowed({"learner", "instructor", "admin", "guest"})
    public @NonNull InspectPayload inspect(@NonNull @Name("input") InspectInput input) {
        List<UserError> errors = checkPrompt(input.prompt(), input.runId());
        if (!errors.isEmpty()) {
            return new InspectPayload(null, referenceModel(), errors);
        }
        SimulationApi.InspectResult r = simulation.inspect(input);
        return new InspectPayload(r.inspection(), r.referenceModel(), userErrors(r.userErrors()));
    }

    @Query
    @Description("A seeded continuation of a prompt with the alternatives at each step (branching predictions).")
    @RolesAllowed({"learner", "instructor", "admin", "guest"})
    public @NonNull GeneratePayload generate(@NonNull @Name("input") GenerateInput input) {
        List<UserError> errors = checkPrompt(input.prompt(), input.runId());
        if (!errors.isEmpty()) {
            return new GeneratePayload(null, List.of(), referenceModel(), errors);
        }
        SimulationApi.GenerateResult r = simulation.generate(input);
        return new GeneratePayload(r.text(), r.steps(), r.referenceModel(), userErrors(r.userErrors()));
    }

    @Query
    @Description("The reference model's token embeddings in 3D (PCA), a prompt's contextual vectors on the same axes, and the "
            + "nearest tokens to one token by cosine similarity.")
    @RolesAllowed({"learner", "instructor", "admin", "guest"})
    public @NonNull EmbeddingSpacePayload embeddingSpace(@NonNull @Name("input") EmbeddingSpaceInput input) {
        List<UserError> errors = input.prompt() == null ? List.of() : checkPrompt(input.prompt(), null);
        if (!errors.isEmpty()) {
            return new EmbeddingSpacePayload(null, referenceModel(), errors);
        }
        SimulationApi.EmbeddingSpaceResult r = simulation.embeddingSpace(input.prompt(), input.neighboursOf(), input.k());
        return new EmbeddingSpacePayload(r.embeddingSpace(), r.referenceModel(), userErrors(r.userErrors()));
    }

    /** A prompt within bounds, and a run (when named) that is the caller's: nobody reads another learner's run. */
    private List<UserError> checkPrompt(String prompt, String runId) {
        List<UserError> errors = new ArrayList<>();
        if (prompt.length() > MAX_PROMPT) {
            errors.add(new UserError(List.of("input", "prompt"), "prompt has " + prompt.length() + " characters; at most "
                    + MAX_PROMPT, UserErrorCode.PROMPT_TOO_LONG));
        }
        if (runId != null) {
            if (!caller.owns(runId)) {
                errors.add(new UserError(List.of("input", "runId"), "no run " + runId + " of yours", UserErrorCode.UNKNOWN_RUN));
            }
        }
        return errors;
    }

    /** The service's user errors under the public input: its paths already start with "input" or name the argument. */
    public static List<UserError> userErrors(List<SimulationUserError> problems) {
        if (problems == null) {
            return List.of();
        }
        return problems.stream().map(p -> {
            List<String> path = new ArrayList<>();
            if (p.field() == null || p.field().isEmpty() || !p.field().get(0).equals("input")) {
                path.add("input");
            }
            if (p.field() != null) {
                path.addAll(p.field());
            }
            return new UserError(path, p.message(), UserErrorCode.INVALID_INPUT);
        }).toList();
    }
}
