package org.nslab.simulation.tokenizer;

/** The tokenizers a learner can compare: OpenAI's four encodings (through JTokkit) and the lab's own BPE. */
public enum TokenizerName {
    /** GPT-2 and GPT-3's encoding, {@code r50k_base}. */
    GPT2,
    /** Codex's encoding, {@code p50k_base}. */
    P50K_BASE,
    /** GPT-3.5 and GPT-4's encoding, {@code cl100k_base}. */
    CL100K_BASE,
    /** GPT-4o's encoding, {@code o200k_base}. */
    O200K_BASE,
    /** The byte-level BPE the simulation service trains on the Brown corpus. */
    LAB_BPE
}
