package org.nslab.simulation.scaling;

import org.nslab.simulation.validation.Problem;
/**
 * The scaling laws of Kaplan et al. (2020, "Scaling Laws for Neural Language Models"), where N counts
 * non-embedding parameters and D tokens; losses are in nats per token on their WebText2 test set.
 * <ul>
 *   <li>{@code L(N) = (N_c / N)^α_N}, N_c = 8.8e13, α_N = 0.076 (Section 1.2);</li>
 *   <li>{@code L(D) = (D_c / D)^α_D}, D_c = 5.4e13, α_D = 0.095 (Section 1.2);</li>
 *   <li>{@code L(N, D) = [(N_c / N)^(α_N / α_D) + D_c / D]^α_D} (Section 1.2 and Section 4);</li>
 *   <li>compute-efficient size {@code N_opt = 1.3e9 · (C / PF-day)^0.73}: the fit shown in Figure 14 (left) of the
 *       paper ({@code N ∝ C_min^0.73}, Section 6.1), with C in petaflop/s-days (1 PF-day = 10^15 · 86,400 =
 *       8.64e19 FLOPs); the tokens follow from {@code D = C / (6N)}. The paper fits it to {@code C_min}, the compute
 *       at a batch size well below the critical one; it is applied here to any budget C.</li>
 * </ul>
 * The allocation grows N much faster than D (D ∝ C^0.27); Hoffmann et al. (2022) later found N and D should grow
 * about equally, see {@link ChinchillaLaw}.
 *
 * @param criticalParameters                N_c
 * @param alphaN                            α_N
 * @param criticalTokens                    D_c
 * @param alphaD                            α_D
 * @param optimalParametersAtOnePetaflopDay the N_opt fit's coefficient, parameters at C = 1 PF-day
 * @param optimalParametersExponent         the N_opt fit's exponent
 */
public record KaplanLaw(double criticalParameters, double alphaN, double criticalTokens, double alphaD,
                        double optimalParametersAtOnePetaflopDay, double optimalParametersExponent)
        implements LossLaw {

    /** FLOPs in one petaflop/s-day. */
    public static final double PETAFLOP_DAY = 1e15 * 86_400;

    /** The constants published in the paper. */
    public static KaplanLaw published() {
        return new KaplanLaw(8.8e13, 0.076, 5.4e13, 0.095, 1.3e9, 0.73);
    }

    @Override
    public String label() {
        return "Kaplan et al. 2020";
    }

    /** {@code L(N)}: the loss of a model trained to convergence on enough data. */
    public double lossFromParameters(double parameters) {
        Problem.requireNone(ScalingLimits.checkParameters("parameters", parameters));
        return Math.pow(criticalParameters / parameters, alphaN);
    }

    /** {@code L(D)}: the loss of a large enough model trained with early stopping on D tokens. */
    public double lossFromTokens(double tokens) {
        Problem.requireNone(ScalingLimits.checkTokens("tokens", tokens));
        return Math.pow(criticalTokens / tokens, alphaD);
    }

    /** {@code L(N, D)}. */
    @Override
    public double loss(double parameters, double tokens) {
        ScalingLimits.requireParametersAndTokens(parameters, tokens);
        return Math.pow(Math.pow(criticalParameters / parameters, alphaN / alphaD) + criticalTokens / tokens,
                alphaD);
    }

    /**
     * {@code N_opt = 1.3e9 · (C / PF-day)^0.73} and {@code D = C / (6 · N_opt)}. For very small or very large
     * budgets the result can fall outside {@link ScalingLimits}.
     */
    @Override
    public ComputeOptimal optimal(double computeFlops) {
        ScalingLimits.requireCompute(computeFlops);
        double parameters = optimalParametersAtOnePetaflopDay
                * Math.pow(computeFlops / PETAFLOP_DAY, optimalParametersExponent);
        return new ComputeOptimal(label(), computeFlops, parameters, computeFlops / (6 * parameters));
    }
}
