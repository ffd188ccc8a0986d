package org.nslab.simulation.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * A tokenized corpus split into training and validation tokens by document: every
 * {@code validationEvery}-th document goes to validation, so no text is in both.
 */
public record TokenDataset(int[] train, int[] validation) {

    public static <D> TokenDataset split(List<D> documents, Function<D, int[]> tokenize, int validationEvery) {
        List<int[]> train = new ArrayList<>();
        List<int[]> validation = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            (i % validationEvery == validationEvery - 1 ? validation : train).add(tokenize.apply(documents.get(i)));
        }
        return new TokenDataset(concat(train), concat(validation));
    }

    /**
     * Fills {@code inputs} and {@code targets} ({@code batch × time} each) with random windows of
     * {@code tokens}; the target of each position is the next token.
     */
    public static void sample(int[] tokens, SplittableRandom random, int batch, int time, int[] inputs, int[] targets) {
        if (tokens.length < time + 1) {
            throw new IllegalArgumentException("only " + tokens.length + " tokens for windows of " + (time + 1));
        }
        for (int b = 0; b < batch; b++) {
            int start = random.nextInt(tokens.length - time);
            System.arraycopy(tokens, start, inputs, b * time, time);
            System.arraycopy(tokens, start + 1, targets, b * time, time);
        }
    }

    private static int[] concat(List<int[]> parts) {
        int total = parts.stream().mapToInt(p -> p.length).sum();
        int[] out = new int[total];
        int at = 0;
        for (int[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }
}
