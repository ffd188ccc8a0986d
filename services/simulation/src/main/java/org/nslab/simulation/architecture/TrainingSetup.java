package org.nslab.simulation.architecture;

import org.nslab.simulation.validation.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * How a model is trained, for {@link MemoryCalculator#training(ArchitectureConfig, TrainingSetup)}.
 *
 * @param precision               fp32, bf16 or mixed precision with Adam
 * @param zeroStage               ZeRO stage 0..3 (Rajbhandari et al. 2020): 0 replicates everything on every GPU,
 *                                1 shards the optimizer states, 2 also the gradients, 3 also the weights
 * @param gpus                    data-parallel GPUs the states are sharded over, 1..1,000,000
 * @param sequenceLength          tokens per sequence {@code s}, 1..10,000,000
 * @param microBatchSize          sequences per GPU per step {@code b}, 1..100,000
 * @param activationCheckpointing full recomputation: keep only each block's input and recompute the rest in the
 *                                backward pass
 */
public record TrainingSetup(TrainingPrecision precision, int zeroStage, int gpus, int sequenceLength,
                            int microBatchSize, boolean activationCheckpointing) {

    public static final int MAX_GPUS = 1_000_000;
    public static final int MAX_MICRO_BATCH = 100_000;

    /** Every problem with this setup, empty when it is valid. */
    public List<Problem> validate() {
        List<Problem> problems = new ArrayList<>();
        if (precision == null) {
            problems.add(new Problem("precision", "must be one of FP32, BF16, MIXED"));
        }
        Problem.checkRange(problems, "zeroStage", zeroStage, 0, 3);
        Problem.checkRange(problems, "gpus", gpus, 1, MAX_GPUS);
        Problem.checkRange(problems, "sequenceLength", sequenceLength, 1, ArchitectureConfig.MAX_CONTEXT);
        Problem.checkRange(problems, "microBatchSize", microBatchSize, 1, MAX_MICRO_BATCH);
        return List.copyOf(problems);
    }
}
