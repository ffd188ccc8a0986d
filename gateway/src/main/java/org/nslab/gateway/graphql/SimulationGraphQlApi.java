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
import org.nslab.gateway.client.SimulationClient;
import org.nslab.gateway.simulation.SimulationTypes.TokenizeInput;
import org.nslab.gateway.simulation.SimulationTypes.Tokenization;
import org.nslab.gateway.simulation.SimulationTypes.TokenizerName;

/**
 * The simulation service's API, composed into the public schema. So far the tokenizer playground; the service
 * itself only admits the gateway's service account. Input is checked here first, so bad input never costs a call.
 */
@GraphQLApi
public class SimulationGraphQlApi {

    static final int MAX_TEXT = 20_000;

    private final SimulationClient simulation;

    public SimulationGraphQlApi(SimulationClient simulation) {
        this.simulation = simulation;
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
                    "TEXT_TOO_LONG"));
        }
        if (input.tokenizers().isEmpty() || input.tokenizers().size() > TokenizerName.values().length) {
            errors.add(new UserError(List.of("input", "tokenizers"), "ask for 1 to " + TokenizerName.values().length + " tokenizers",
                    "INVALID_TOKENIZERS"));
        }
        if (!errors.isEmpty()) {
            return new TokenizePayload(List.of(), errors);
        }
        SimulationClient.TokenizeResult result;
        try {
            result = simulation.tokenize(input);
        } catch (RuntimeException e) {
            throw new ServiceUnavailableException("Tokenizers are unavailable right now; try again in a moment.", e);
        }
        return new TokenizePayload(result.tokenizations(), result.userErrors().stream()
                .map(u -> new UserError(u.field(), u.message(), "INVALID_INPUT")).toList());
    }
}
