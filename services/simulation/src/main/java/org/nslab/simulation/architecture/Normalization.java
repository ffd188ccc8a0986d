package org.nslab.simulation.architecture;

/** The normalization layer used everywhere in the model. */
public enum Normalization {

    /** LayerNorm (Ba et al. 2016): a weight (gain) vector and, when biases are on, a bias vector of size dModel. */
    LAYER_NORM,

    /** RMSNorm (Zhang and Sennrich 2019): a weight vector only, whatever the bias setting (T5, LLaMA). */
    RMS_NORM;

    /** Parameters of one normalization layer over vectors of size {@code width}. */
    public long parameters(long width, boolean biases) {
        if (this == LAYER_NORM && biases) {
            return 2 * width;
        }
        return width;
    }
}
