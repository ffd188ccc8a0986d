package org.nslab.simulation.graphql;

import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Type;
import org.nslab.simulation.service.LabTokenizer;
import org.nslab.simulation.tokenizer.BytePairEncoding;
import org.nslab.simulation.tokenizer.TokenizerName;
import org.nslab.simulation.tokenizer.Tokenizers;

/** Tokenizer playground: one text through several real tokenizers, and the lab BPE merge by merge. */
@GraphQLApi
@RolesAllowed("service")
public class TokenizerGraphQlApi {

    static final int MAX_TEXT = 20_000;
    static final int MAX_REPLAY_TEXT = 300;

    private final LabTokenizer lab;

    public TokenizerGraphQlApi(LabTokenizer lab) {
        this.lab = lab;
    }

    @Input("TokenizeInput")
    public record TokenizeInput(@NonNull String text, @NonNull List<@NonNull TokenizerName> tokenizers) {
    }

    @Type("TokenizePayload")
    public record TokenizePayload(@NonNull List<Tokenizers.@NonNull Tokenization> tokenizations,
                                  @NonNull List<@NonNull UserError> userErrors) {
    }

    @Type("BpeReplayStep")
    public record ReplayStep(int mergeRank, @NonNull String left, @NonNull String right, @NonNull String merged,
                             @NonNull List<@NonNull Integer> tokens) {
    }

    @Type("BpeReplayPayload")
    public record ReplayPayload(@NonNull List<@NonNull Integer> bytes, @NonNull List<@NonNull ReplayStep> steps,
                                @NonNull List<@NonNull UserError> userErrors) {
    }

    @Query
    @Description("The text in each tokenizer asked for: tokens with ids, texts and byte spans.")
    public @NonNull TokenizePayload tokenize(@NonNull TokenizeInput input) {
        List<UserError> errors = new ArrayList<>();
        if (input.text().length() > MAX_TEXT) {
            errors.add(UserError.of("text has " + input.text().length() + " characters; at most " + MAX_TEXT, "input", "text"));
        }
        if (input.tokenizers().isEmpty() || input.tokenizers().size() > TokenizerName.values().length) {
            errors.add(UserError.of("ask for 1 to " + TokenizerName.values().length + " tokenizers", "input", "tokenizers"));
        }
        if (!errors.isEmpty()) {
            return new TokenizePayload(List.of(), errors);
        }
        return new TokenizePayload(input.tokenizers().stream().distinct()
                .map(name -> lab.tokenizers().tokenize(name, input.text())).toList(), List.of());
    }

    @Query
    @Description("How the lab BPE turns a short text into tokens, one merge at a time (Level 2's animation).")
    public @NonNull ReplayPayload bpeReplay(@NonNull String text) {
        if (text.length() > MAX_REPLAY_TEXT) {
            return new ReplayPayload(List.of(), List.of(),
                    List.of(UserError.of("text has " + text.length() + " characters; at most " + MAX_REPLAY_TEXT, "text")));
        }
        BytePairEncoding bpe = lab.bpe();
        List<Integer> bytes = new ArrayList<>();
        for (byte b : text.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            bytes.add(b & 0xff);
        }
        List<ReplayStep> steps = bpe.replay(text).stream()
                .map(s -> new ReplayStep(s.merge().id() - 256, bpe.text(s.merge().left()), bpe.text(s.merge().right()),
                        bpe.text(s.merge().id()), s.tokens()))
                .toList();
        return new ReplayPayload(bytes, steps, List.of());
    }
}
