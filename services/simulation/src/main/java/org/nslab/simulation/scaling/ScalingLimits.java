package org.nslab.simulation.scaling;

import org.nslab.simulation.validation.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * The ranges the scaling calculators accept, and checks that report values outside them as {@link Problem}s.
 * NaN and infinities are always out of range.
 */
public final class ScalingLimits {

    /** Training compute budgets must be above 0 and below this many FLOPs. */
    public static final double MAX_COMPUTE_FLOPS = 1e30;
    /** Models have 1 to 10^15 parameters. */
    public static final double MAX_PARAMETERS = 1e15;
    /** Training runs see 1 to 10^17 tokens. */
    public static final double MAX_TOKENS = 1e17;

    private ScalingLimits() {
    }

    /** A compute budget {@code 0 < C < 10^30} FLOPs. */
    public static List<Problem> checkCompute(String field, double flops) {
        List<Problem> problems = new ArrayList<>();
        if (!(flops > 0 && flops < MAX_COMPUTE_FLOPS)) {
            problems.add(new Problem(field, "must be greater than 0 and less than 1e30 FLOPs, was " + flops));
        }
        return problems;
    }

    /** A parameter count {@code 1 ≤ N ≤ 10^15}. */
    public static List<Problem> checkParameters(String field, double parameters) {
        return checkBetween(field, parameters, 1, MAX_PARAMETERS, "parameters");
    }

    /** A token count {@code 1 ≤ D ≤ 10^17}. */
    public static List<Problem> checkTokens(String field, double tokens) {
        return checkBetween(field, tokens, 1, MAX_TOKENS, "tokens");
    }

    static List<Problem> checkBetween(String field, double value, double min, double max, String unit) {
        List<Problem> problems = new ArrayList<>();
        if (!(value >= min && value <= max)) {
            String range = "must be between " + min + " and " + max + (unit.isEmpty() ? "" : " " + unit);
            problems.add(new Problem(field, range + ", was " + value));
        }
        return problems;
    }

    static void requireCompute(double flops) {
        Problem.requireNone(checkCompute("computeFlops", flops));
    }

    static void requireParametersAndTokens(double parameters, double tokens) {
        List<Problem> problems = new ArrayList<>(checkParameters("parameters", parameters));
        problems.addAll(checkTokens("tokens", tokens));
        Problem.requireNone(problems);
    }
}
