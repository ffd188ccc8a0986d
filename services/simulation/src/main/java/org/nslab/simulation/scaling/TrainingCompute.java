package org.nslab.simulation.scaling;

/**
 * Training compute of a dense transformer: {@code C ≈ 6 · N · D} FLOPs, 2 per parameter per token for the forward
 * pass and 4 for the backward pass (Kaplan et al. 2020, Section 2.1; Hoffmann et al. 2022, Section 3).
 */
public final class TrainingCompute {

    private TrainingCompute() {
    }

    /** {@code 6 · N · D}; throws {@link IllegalArgumentException} when N or D is out of range. */
    public static double flops(double parameters, double tokens) {
        ScalingLimits.requireParametersAndTokens(parameters, tokens);
        return 6 * parameters * tokens;
    }
}
