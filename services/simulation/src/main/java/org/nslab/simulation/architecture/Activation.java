package org.nslab.simulation.architecture;

/**
 * The MLP of a block. It decides how many weight matrices of size {@code dModel × mlpHidden} the MLP has.
 */
public enum Activation {

    /** GELU between an up and a down projection: 2 matrices (GPT-2, BERT). */
    GELU(2),

    /** ReLU between an up and a down projection: 2 matrices (original T5). */
    RELU(2),

    /**
     * Gated linear unit with Swish: {@code down(silu(gate(x)) * up(x))}, 3 matrices (Shazeer 2020, "GLU Variants
     * Improve Transformer"; LLaMA, Mixtral).
     */
    SWIGLU(3);

    private final int matrices;

    Activation(int matrices) {
        this.matrices = matrices;
    }

    /** How many {@code dModel × mlpHidden} matrices one MLP (or one expert) holds. */
    public int matrices() {
        return matrices;
    }
}
