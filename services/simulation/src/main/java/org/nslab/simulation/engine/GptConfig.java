package org.nslab.simulation.engine;

import org.nslab.simulation.validation.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * Shape of a decoder-only GPT: token and learned position embeddings, {@code layers} pre-LayerNorm
 * blocks of causal multi-head self-attention and a GELU MLP ({@code mlpRatio × width} wide), a final
 * LayerNorm and an output head tied to the token embedding.
 */
public record GptConfig(int vocabSize, int contextLength, int layers, int heads, int width, int mlpRatio) {

    public int headSize() {
        return width / heads;
    }

    public int hidden() {
        return mlpRatio * width;
    }

    public List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        range(problems, "vocabSize", vocabSize, 2, 65_536);
        range(problems, "contextLength", contextLength, 1, 1024);
        range(problems, "layers", layers, 1, 48);
        range(problems, "heads", heads, 1, 64);
        range(problems, "width", width, 1, 4096);
        range(problems, "mlpRatio", mlpRatio, 1, 8);
        if (heads > 0 && width > 0 && width % heads != 0) {
            problems.add(new Problem("heads", "heads (" + heads + ") must divide width (" + width + ")"));
        }
        return problems;
    }

    public GptConfig validated() {
        List<Problem> problems = problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.toString());
        }
        return this;
    }

    private static void range(List<Problem> problems, String field, int value, int min, int max) {
        if (value < min || value > max) {
            problems.add(new Problem(field, field + " must be between " + min + " and " + max + ", got " + value));
        }
    }
}
