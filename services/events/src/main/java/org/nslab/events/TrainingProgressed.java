package org.nslab.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A training run did a step or changed state. Contract: {@code schemas/training-progressed.v1.json};
 * topic {@link Topics#TRAINING_PROGRESSED}, keyed by the run id. Loss and norm fields are absent on
 * pure state changes; {@code validationLoss} only on steps that evaluated.
 */
public record TrainingProgressed(UUID id, Instant time, int schemaVersion, String key, UUID runId, String owner,
                                 RunState state, int step, int steps, Double trainLoss, Double validationLoss,
                                 Double learningRate, Double gradientNorm, List<Double> layerGradientNorms,
                                 Double tokensPerSecond) {

    public static final int SCHEMA_VERSION = 1;
    public static final String SCHEMA = "training-progressed.v1";

    public static TrainingProgressed of(UUID runId, String owner, RunState state, int step, int steps, Double trainLoss,
                                        Double validationLoss, Double learningRate, Double gradientNorm,
                                        List<Double> layerGradientNorms, Double tokensPerSecond) {
        return new TrainingProgressed(UUID.randomUUID(), Instant.now(), SCHEMA_VERSION, runId.toString(), runId, owner, state,
                step, steps, trainLoss, validationLoss, learningRate, gradientNorm, layerGradientNorms, tokensPerSecond);
    }
}
