package org.nslab.simulation.scaling;

import org.nslab.simulation.validation.Problem;
import java.util.List;

/**
 * The rule of thumb drawn from Hoffmann et al. (2022): train on about 20 tokens per parameter. Their Table 3
 * (Approach 1) lists 67 billion parameters and 1.5 trillion tokens for 5.76e23 FLOPs, and Chinchilla has 70
 * billion parameters and 1.4 trillion tokens, both close to 20 tokens per parameter. With {@code C = 6ND} and
 * {@code D = r · N}: {@code N = sqrt(C / (6r))}, {@code D = r · N}. It is a separate, simpler result, not the
 * Approach 3 fit of {@link ChinchillaLaw}.
 *
 * @param tokensPerParameter r, above 0 and at most 1,000,000
 */
public record TokensPerParameterRule(double tokensPerParameter) {

    /** The usual ratio, 20 tokens per parameter. */
    public static TokensPerParameterRule chinchilla() {
        return new TokensPerParameterRule(20);
    }

    /** Every problem with the ratio, empty when it is valid. */
    public List<Problem> validate() {
        if (tokensPerParameter > 0 && tokensPerParameter <= 1e6) {
            return List.of();
        }
        return List.of(new Problem("tokensPerParameter",
                "must be greater than 0 and at most 1000000, was " + tokensPerParameter));
    }

    /** {@code N = sqrt(C / (6r))} and {@code D = r · N}. */
    public ComputeOptimal optimal(double computeFlops) {
        Problem.requireNone(validate());
        ScalingLimits.requireCompute(computeFlops);
        double parameters = Math.sqrt(computeFlops / (6 * tokensPerParameter));
        return new ComputeOptimal(tokensPerParameter + " tokens per parameter", computeFlops, parameters,
                tokensPerParameter * parameters);
    }
}
