package org.nslab.simulation.engine;

import org.nslab.simulation.validation.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * How a run trains: batch size, peak and final learning rate with warm-up and cosine decay, AdamW's
 * weight decay, gradient clipping, how often validation runs and how patient early stopping is.
 *
 * @param patience evaluations without a new best validation loss before training stops early; 0 never stops early
 */
public record TrainingConfig(int batch, float learningRate, float minLearningRate, int warmupSteps, int steps,
                             float weightDecay, float gradientClip, int evalEvery, int evalBatches, int patience,
                             long seed) {

    public List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        range(problems, "batch", batch, 1, 256);
        range(problems, "steps", steps, 1, 1_000_000);
        range(problems, "warmupSteps", warmupSteps, 0, steps);
        range(problems, "evalEvery", evalEvery, 1, 1_000_000);
        range(problems, "evalBatches", evalBatches, 1, 1000);
        range(problems, "patience", patience, 0, 1000);
        if (!(learningRate > 0 && learningRate <= 1)) {
            problems.add(new Problem("learningRate", "learningRate must be in (0, 1], got " + learningRate));
        }
        if (!(minLearningRate >= 0 && minLearningRate <= learningRate)) {
            problems.add(new Problem("minLearningRate", "minLearningRate must be in [0, learningRate], got " + minLearningRate));
        }
        if (!(weightDecay >= 0 && weightDecay <= 1)) {
            problems.add(new Problem("weightDecay", "weightDecay must be in [0, 1], got " + weightDecay));
        }
        if (!(gradientClip > 0 && gradientClip <= 1000)) {
            problems.add(new Problem("gradientClip", "gradientClip must be in (0, 1000], got " + gradientClip));
        }
        return problems;
    }

    public LearningRateSchedule schedule() {
        return new LearningRateSchedule(learningRate, minLearningRate, warmupSteps, steps);
    }

    private static void range(List<Problem> problems, String field, long value, long min, long max) {
        if (value < min || value > max) {
            problems.add(new Problem(field, field + " must be between " + min + " and " + max + ", got " + value));
        }
    }
}
