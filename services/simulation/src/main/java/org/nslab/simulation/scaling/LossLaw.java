package org.nslab.simulation.scaling;

/** A fitted law for the final pre-training loss (nats per token) of a model of N parameters trained on D tokens. */
public interface LossLaw {

    /** Short label, for example {@code "Chinchilla (Approach 3)"}. */
    String label();

    /**
     * The predicted loss; throws {@link IllegalArgumentException} when N or D is outside
     * {@link ScalingLimits}.
     */
    double loss(double parameters, double tokens);

    /** The parameters and tokens that minimise the loss for a compute budget {@code C ≈ 6ND}. */
    ComputeOptimal optimal(double computeFlops);
}
