package org.nslab.simulation.architecture;

/**
 * Bytes per parameter that training with the Adam optimizer keeps, and bytes per activation value.
 * Adam keeps two moments (mean and variance of the gradient) per parameter.
 *
 * <p>Mixed precision follows Rajbhandari et al. (2020, "ZeRO: Memory Optimizations Toward Training Trillion
 * Parameter Models", Section 3.1): 16-bit weights (2 bytes) and gradients (2 bytes) plus an fp32 master copy of the
 * weights and the two fp32 moments (K = 12 bytes), 16 bytes per parameter in all.
 */
public enum TrainingPrecision {

    /** Everything in fp32: weights 4, gradients 4, two moments 8 bytes; 32-bit activations. */
    FP32(4, 4, 8, 4),

    /** Everything in bf16, no master copy: weights 2, gradients 2, two moments 4 bytes; 16-bit activations. */
    BF16(2, 2, 4, 2),

    /** bf16 weights and gradients, fp32 master weights and moments (2 + 2 + 12 bytes); 16-bit activations. */
    MIXED(2, 2, 12, 2);

    private final int weightBytes;
    private final int gradientBytes;
    private final int optimizerBytes;
    private final int activationBytes;

    TrainingPrecision(int weightBytes, int gradientBytes, int optimizerBytes, int activationBytes) {
        this.weightBytes = weightBytes;
        this.gradientBytes = gradientBytes;
        this.optimizerBytes = optimizerBytes;
        this.activationBytes = activationBytes;
    }

    /** Bytes of the weights the forward and backward passes use, per parameter. */
    public int weightBytes() {
        return weightBytes;
    }

    /** Bytes of the gradient, per parameter. */
    public int gradientBytes() {
        return gradientBytes;
    }

    /** Bytes of the optimizer states (master weights when mixed, and the two Adam moments), per parameter. */
    public int optimizerBytes() {
        return optimizerBytes;
    }

    /** Bytes of one stored activation value. */
    public int activationBytes() {
        return activationBytes;
    }

    /** Weights, gradients and optimizer states per parameter: 16 for {@link #FP32} and {@link #MIXED}, 8 for bf16. */
    public int modelStateBytes() {
        return weightBytes + gradientBytes + optimizerBytes;
    }
}
