package org.nslab.simulation.graphql;

import java.util.List;
import org.nslab.simulation.engine.GptConfig;
import org.nslab.simulation.validation.Problem;

/**
 * The checks the inspection queries share: the prompt's length, and the layer, head and token they look at (the last
 * layer and the last token when absent), in the model's ranges; problems with the chosen model as user errors.
 */
record InspectionFocus(int layer, int head, int position) {

    static final int MAX_PROMPT = 2_000;

    static void checkPrompt(String prompt, List<UserError> errors) {
        if (prompt.isEmpty() || prompt.length() > MAX_PROMPT) {
            errors.add(UserError.of("prompt must have 1 to " + MAX_PROMPT + " characters", "input", "prompt"));
        }
    }

    /**
     * The focus for a prompt of {@code tokens} tokens on a model of shape {@code c}; {@code head} null when the query
     * has none. Adds a user error for every field out of range (the prompt too long for the context included).
     */
    static InspectionFocus of(GptConfig c, int tokens, Integer layer, Integer head, Integer position, List<UserError> errors) {
        if (tokens > c.contextLength()) {
            errors.add(UserError.of("the prompt has " + tokens + " tokens; at most " + c.contextLength(), "input", "prompt"));
        }
        int l = layer == null ? c.layers() - 1 : layer;
        if (l < 0 || l >= c.layers()) {
            errors.add(UserError.of("layer must be between 0 and " + (c.layers() - 1), "input", "layer"));
        }
        if (head != null && (head < 0 || head >= c.heads())) {
            errors.add(UserError.of("head must be between 0 and " + (c.heads() - 1), "input", "head"));
        }
        int p = position == null ? tokens - 1 : position;
        int visible = Math.min(tokens, c.contextLength());
        if (p < 0 || p >= visible) {
            errors.add(UserError.of("position must be between 0 and " + (visible - 1), "input", "position"));
        }
        return new InspectionFocus(l, head == null ? 0 : head, p);
    }

    /** A problem with the model a query named (its run or checkpoint), under the query's input. */
    static UserError error(Problem problem) {
        return UserError.of(problem.message(), "input", problem.field());
    }
}
