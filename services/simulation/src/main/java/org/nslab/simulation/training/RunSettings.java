package org.nslab.simulation.training;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.nslab.simulation.validation.Problem;
import java.util.ArrayList;
import java.util.List;
import org.nslab.simulation.engine.GptConfig;
import org.nslab.simulation.engine.ParameterLayout;
import org.nslab.simulation.engine.TrainingConfig;

/**
 * What a learner chooses for a training run, with the limits that protect the server: at most
 * {@link #MAX_PARAMETERS} parameters and {@link #MAX_STEPS} steps. The vocabulary is the lab BPE's.
 *
 * @param throttleMillis pause after each step so a learner can watch (0: as fast as possible)
 */
public record RunSettings(int layers, int heads, int width, int contextLength, int batch, double learningRate,
                          int warmupSteps, int steps, double weightDecay, long seed, int evalEvery, int patience,
                          int checkpointEvery, int throttleMillis) {

    public static final int MAX_PARAMETERS = 3_000_000;
    public static final int MAX_STEPS = 5_000;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The settings as stored in the run's row. */
    public static RunSettings fromJson(String json) throws IOException {
        return JSON.readValue(json, RunSettings.class);
    }

    /** The settings to store in the run's row. */
    public String json() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<Problem> problems(int vocabularySize) {
        List<Problem> problems = new ArrayList<>();
        range(problems, "layers", layers, 1, 8);
        range(problems, "heads", heads, 1, 8);
        range(problems, "width", width, 8, 256);
        range(problems, "contextLength", contextLength, 8, 256);
        range(problems, "batch", batch, 1, 32);
        range(problems, "steps", steps, 1, MAX_STEPS);
        range(problems, "warmupSteps", warmupSteps, 0, Math.max(0, steps));
        range(problems, "evalEvery", evalEvery, 1, MAX_STEPS);
        range(problems, "patience", patience, 0, 100);
        range(problems, "checkpointEvery", checkpointEvery, 1, MAX_STEPS);
        range(problems, "throttleMillis", throttleMillis, 0, 5_000);
        if (!(learningRate > 0 && learningRate <= 0.1)) {
            problems.add(new Problem("learningRate", "learningRate must be in (0, 0.1], got " + learningRate));
        }
        if (!(weightDecay >= 0 && weightDecay <= 1)) {
            problems.add(new Problem("weightDecay", "weightDecay must be in [0, 1], got " + weightDecay));
        }
        if (heads > 0 && width > 0 && width % heads != 0) {
            problems.add(new Problem("heads", "heads (" + heads + ") must divide width (" + width + ")"));
        }
        if (problems.isEmpty()) {
            long parameters = new ParameterLayout(model(vocabularySize)).size();
            if (parameters > MAX_PARAMETERS) {
                problems.add(new Problem("width", "this model has " + parameters + " parameters; at most " + MAX_PARAMETERS
                        + " (fewer layers or a smaller width)"));
            }
        }
        return problems;
    }

    public GptConfig model(int vocabularySize) {
        return new GptConfig(vocabularySize, contextLength, layers, heads, width, 4);
    }

    public TrainingConfig training() {
        return new TrainingConfig(batch, (float) learningRate, (float) (learningRate / 10), warmupSteps, steps,
                (float) weightDecay, 1.0f, evalEvery, 4, patience, seed);
    }

    private static void range(List<Problem> problems, String field, long value, long min, long max) {
        if (value < min || value > max) {
            problems.add(new Problem(field, field + " must be between " + min + " and " + max + ", got " + value));
        }
    }
}
