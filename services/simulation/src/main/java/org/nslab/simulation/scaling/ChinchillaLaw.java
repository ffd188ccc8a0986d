package org.nslab.simulation.scaling;

/**
 * The parametric loss of Hoffmann et al. (2022, "Training Compute-Optimal Large Language Models", Section 3.3,
 * "Approach 3"): {@code L(N, D) = E + A / N^α + B / D^β} with the published fit E = 1.69, A = 406.4, B = 410.7,
 * α = 0.34, β = 0.28; N counts all parameters.
 *
 * <p>Minimising it under {@code C = 6ND} gives the efficient frontier of the same section
 * {@code N_opt = G · (C/6)^a} and {@code D_opt = G⁻¹ · (C/6)^b} with {@code a = β / (α + β)},
 * {@code b = α / (α + β)} and {@code G = (αA / (βB))^(1 / (α + β))}; since {@code a + b = 1},
 * {@code 6 · N_opt · D_opt = C} exactly.
 *
 * <p>Approach 3 gives smaller models than the paper's Approaches 1 and 2 (a = 0.46 against 0.50 and 0.49 in its
 * Table 2). For Gopher's budget of 5.76e23 FLOPs these constants give N ≈ 32 billion and D ≈ 3.0 trillion tokens,
 * while Chinchilla itself, sized with Approaches 1 and 2, has 70 billion parameters and 1.4 trillion tokens; the
 * 20-tokens-per-parameter rule of {@link TokensPerParameterRule} reproduces that size.
 *
 * @param e     irreducible loss E
 * @param a     coefficient A of the parameter term
 * @param b     coefficient B of the data term
 * @param alpha exponent α of N
 * @param beta  exponent β of D
 */
public record ChinchillaLaw(double e, double a, double b, double alpha, double beta) implements LossLaw {

    /** The constants published for Approach 3. */
    public static ChinchillaLaw approach3() {
        return new ChinchillaLaw(1.69, 406.4, 410.7, 0.34, 0.28);
    }

    @Override
    public String label() {
        return "Hoffmann et al. 2022 (Chinchilla, Approach 3)";
    }

    /** {@code E + A / N^α + B / D^β}. */
    @Override
    public double loss(double parameters, double tokens) {
        ScalingLimits.requireParametersAndTokens(parameters, tokens);
        return e + a / Math.pow(parameters, alpha) + b / Math.pow(tokens, beta);
    }

    /** Exponent of N_opt in C: {@code β / (α + β)}. */
    public double parameterExponent() {
        return beta / (alpha + beta);
    }

    /** Exponent of D_opt in C: {@code α / (α + β)}. */
    public double tokenExponent() {
        return alpha / (alpha + beta);
    }

    /** {@code G = (αA / (βB))^(1 / (α + β))}. */
    public double g() {
        return Math.pow(alpha * a / (beta * b), 1 / (alpha + beta));
    }

    /** {@code N_opt = G · (C/6)^a}, {@code D_opt = G⁻¹ · (C/6)^b}. */
    @Override
    public ComputeOptimal optimal(double computeFlops) {
        ScalingLimits.requireCompute(computeFlops);
        double g = g();
        double parameters = g * Math.pow(computeFlops / 6, parameterExponent());
        double tokens = Math.pow(computeFlops / 6, tokenExponent()) / g;
        return new ComputeOptimal(label(), computeFlops, parameters, tokens);
    }
}
