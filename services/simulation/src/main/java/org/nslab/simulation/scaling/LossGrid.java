package org.nslab.simulation.scaling;

import org.nslab.simulation.validation.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * Predicted loss over a grid of model sizes and token counts, for a 3D surface. {@code loss.get(i).get(j)} is the
 * loss of {@code parameters.get(i)} parameters trained on {@code tokens.get(j)} tokens.
 *
 * @param law        label of the law that produced the values
 * @param parameters the N axis, log-spaced, ascending
 * @param tokens     the D axis, log-spaced, ascending
 * @param loss       one row per N, one column per D
 */
public record LossGrid(String law, List<Double> parameters, List<Double> tokens, List<List<Double>> loss) {

    /** The grid of {@code law} over the axes of {@code request}; throws when the request is invalid. */
    public static LossGrid compute(LossLaw law, LossGridRequest request) {
        Problem.requireNone(request.validate());
        List<Double> parameters = logSpaced(request.minParameters(), request.maxParameters(),
                request.parameterSteps());
        List<Double> tokens = logSpaced(request.minTokens(), request.maxTokens(), request.tokenSteps());
        List<List<Double>> loss = new ArrayList<>();
        for (double n : parameters) {
            List<Double> row = new ArrayList<>();
            for (double d : tokens) {
                row.add(law.loss(n, d));
            }
            loss.add(List.copyOf(row));
        }
        return new LossGrid(law.label(), parameters, tokens, List.copyOf(loss));
    }

    /** {@code steps} values from {@code min} to {@code max} with a constant ratio between neighbours. */
    static List<Double> logSpaced(double min, double max, int steps) {
        List<Double> values = new ArrayList<>();
        double logMin = Math.log(min);
        double logMax = Math.log(max);
        for (int i = 0; i < steps; i++) {
            values.add(Math.exp(logMin + (logMax - logMin) * i / (steps - 1)));
        }
        // Exact ends, free of rounding in exp(log(x)).
        values.set(0, min);
        values.set(steps - 1, max);
        return List.copyOf(values);
    }
}
