package org.nslab.simulation.architecture;

import org.nslab.simulation.validation.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * How a model is served, for {@link MemoryCalculator#inference(ArchitectureConfig, InferenceSetup)}.
 *
 * @param weights        number format of the weights
 * @param kvCache        number format of the cached keys and values
 * @param batchSize      sequences served together, 1..100,000
 * @param sequenceLength tokens per sequence (prompt plus generated), 1..10,000,000
 */
public record InferenceSetup(DataType weights, DataType kvCache, int batchSize, int sequenceLength) {

    public static final int MAX_BATCH = 100_000;

    /** Every problem with this setup, empty when it is valid. */
    public List<Problem> validate() {
        List<Problem> problems = new ArrayList<>();
        if (weights == null) {
            problems.add(new Problem("weights", "must be a number format such as BF16"));
        }
        if (kvCache == null) {
            problems.add(new Problem("kvCache", "must be a number format such as BF16"));
        }
        Problem.checkRange(problems, "batchSize", batchSize, 1, MAX_BATCH);
        Problem.checkRange(problems, "sequenceLength", sequenceLength, 1, ArchitectureConfig.MAX_CONTEXT);
        return List.copyOf(problems);
    }
}
