package org.nslab.simulation.architecture;

/** The three transformer families the calculator knows. */
public enum ModelFamily {

    /** A stack of causal self-attention blocks that predicts the next token (GPT, LLaMA, Mixtral). */
    DECODER_ONLY,

    /** A stack of bidirectional self-attention blocks (BERT). It has no KV cache because it does not generate. */
    ENCODER_ONLY,

    /**
     * An encoder stack and a decoder stack; every decoder block has a cross-attention sub-layer over the
     * encoder output (T5, the original Transformer).
     */
    ENCODER_DECODER
}
