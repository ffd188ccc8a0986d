package org.nslab.simulation.scaling;

/**
 * How to spend a compute budget: a model size and a number of training tokens with {@code 6 · N · D = C}.
 *
 * @param method       which law or rule produced it
 * @param computeFlops the budget C in FLOPs
 * @param parameters   N
 * @param tokens       D
 */
public record ComputeOptimal(String method, double computeFlops, double parameters, double tokens) {

    /** D / N. */
    public double tokensPerParameter() {
        return tokens / parameters;
    }
}
