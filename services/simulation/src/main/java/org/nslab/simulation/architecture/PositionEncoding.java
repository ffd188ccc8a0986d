package org.nslab.simulation.architecture;

/** How the model knows where a token is. */
public enum PositionEncoding {

    /** A learned table of {@code contextLength × dModel} added to the token embeddings (GPT-2, BERT). */
    LEARNED,

    /** Fixed sine and cosine waves added to the embeddings (Vaswani et al. 2017): no parameters. */
    SINUSOIDAL,

    /** Rotary position embedding applied to queries and keys (Su et al. 2021; LLaMA): no parameters. */
    ROTARY,

    /**
     * T5's relative attention bias (Raffel et al. 2020, Section 2.1): a learned scalar per (bucket, head) added to
     * the attention logits. See {@link ArchitectureConfig#relativeAttentionBuckets()}.
     */
    RELATIVE_BIAS
}
