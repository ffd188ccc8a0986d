package org.nslab.gateway.simulation;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** The simulation service's types the gateway exposes publicly, with the same names and shapes. */
public final class SimulationTypes {

    private SimulationTypes() {
    }

    @Description("A tokenizer the platform runs: tiktoken's encodings through JTokkit, and the lab's byte-level BPE.")
    public enum TokenizerName { GPT2, P50K_BASE, CL100K_BASE, O200K_BASE, LAB_BPE }

    @Input("TokenizeInput")
    public record TokenizeInput(@NonNull @Description("At most 20,000 characters") String text,
                                @NonNull @Description("1 to 5 tokenizers") List<@NonNull TokenizerName> tokenizers) {
    }

    @Type("Token")
    public record Token(int id, @NonNull String text, int byteStart, int byteEnd) {
    }

    @Type("Tokenization")
    public record Tokenization(@NonNull TokenizerName tokenizer, @NonNull List<@NonNull Token> tokens, int characters, int bytes) {
    }

    /** A user error as the simulation service words it (field path and message). */
    public record SimulationUserError(List<String> field, String message) {
    }
}
