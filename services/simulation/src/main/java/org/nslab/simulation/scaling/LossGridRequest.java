package org.nslab.simulation.scaling;

import org.nslab.simulation.validation.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * The axes of a {@link LossGrid}: log-spaced parameter counts and token counts, both ends included.
 *
 * @param minParameters  smallest N, within {@link ScalingLimits}
 * @param maxParameters  largest N, above {@code minParameters}
 * @param parameterSteps points on the N axis, 2..100
 * @param minTokens      smallest D, within {@link ScalingLimits}
 * @param maxTokens      largest D, above {@code minTokens}
 * @param tokenSteps     points on the D axis, 2..100
 */
public record LossGridRequest(double minParameters, double maxParameters, int parameterSteps, double minTokens,
                              double maxTokens, int tokenSteps) {

    public static final int MAX_STEPS = 100;

    /** Every problem with these axes, empty when they are valid. */
    public List<Problem> validate() {
        List<Problem> problems = new ArrayList<>();
        problems.addAll(ScalingLimits.checkParameters("minParameters", minParameters));
        problems.addAll(ScalingLimits.checkParameters("maxParameters", maxParameters));
        if (problems.isEmpty() && !(maxParameters > minParameters)) {
            problems.add(new Problem("maxParameters", "must be greater than minParameters (" + minParameters
                    + "), was " + maxParameters));
        }
        List<Problem> tokenProblems = new ArrayList<>();
        tokenProblems.addAll(ScalingLimits.checkTokens("minTokens", minTokens));
        tokenProblems.addAll(ScalingLimits.checkTokens("maxTokens", maxTokens));
        if (tokenProblems.isEmpty() && !(maxTokens > minTokens)) {
            tokenProblems.add(new Problem("maxTokens", "must be greater than minTokens (" + minTokens + "), was "
                    + maxTokens));
        }
        problems.addAll(tokenProblems);
        if (parameterSteps < 2 || parameterSteps > MAX_STEPS) {
            problems.add(new Problem("parameterSteps", "must be between 2 and " + MAX_STEPS + ", was "
                    + parameterSteps));
        }
        if (tokenSteps < 2 || tokenSteps > MAX_STEPS) {
            problems.add(new Problem("tokenSteps", "must be between 2 and " + MAX_STEPS + ", was " + tokenSteps));
        }
        return List.copyOf(problems);
    }
}
