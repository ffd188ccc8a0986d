package org.nslab.simulation.architecture;

import java.util.List;
import java.util.Optional;

/**
 * Published model shapes, each with where its configuration comes from. Parameter counts in the comments are what
 * {@link ParameterCounter} gives, checked in the tests.
 */
public final class ArchitecturePresets {

    private ArchitecturePresets() {
    }

    /**
     * GPT-2 small (Radford et al. 2019, Table 2; Hugging Face {@code gpt2}): 12 layers, d 768, 12 heads, vocabulary
     * 50,257, 1024 learned positions, tied embeddings: 124,439,808 parameters.
     */
    public static ArchitectureConfig gpt2Small() {
        return gpt2("GPT-2 small", 12, 768, 12);
    }

    /** GPT-2 medium ({@code gpt2-medium}): 24 layers, d 1024, 16 heads: 354,823,168 parameters. */
    public static ArchitectureConfig gpt2Medium() {
        return gpt2("GPT-2 medium", 24, 1024, 16);
    }

    /** GPT-2 large ({@code gpt2-large}): 36 layers, d 1280, 20 heads: 774,030,080 parameters. */
    public static ArchitectureConfig gpt2Large() {
        return gpt2("GPT-2 large", 36, 1280, 20);
    }

    /** GPT-2 XL ({@code gpt2-xl}): 48 layers, d 1600, 25 heads: 1,557,611,200 parameters. */
    public static ArchitectureConfig gpt2Xl() {
        return gpt2("GPT-2 XL", 48, 1600, 25);
    }

    private static ArchitectureConfig gpt2(String name, int layers, int dModel, int heads) {
        return ArchitectureConfig.builder(ModelFamily.DECODER_ONLY)
                .name(name)
                .vocabSize(50_257)
                .contextLength(1024)
                .layers(layers)
                .dModel(dModel)
                .heads(heads)
                .build();
    }

    /**
     * BERT-base, uncased (Devlin et al. 2019; Hugging Face {@code bert-base-uncased}): 12 layers, d 768, 12 heads,
     * MLP 3072, vocabulary 30,522, 512 learned positions, 2 token types, a LayerNorm after the embeddings, post-norm
     * blocks (no final norm) and the pooler, without the pre-training heads, as {@code BertModel} loads it:
     * 109,482,240 parameters. With the masked-LM head (transform, LayerNorm, output bias; projection tied) and the
     * next-sentence head, as {@code BertForPreTraining}: 110,106,428.
     */
    public static ArchitectureConfig bertBase() {
        return ArchitectureConfig.builder(ModelFamily.ENCODER_ONLY)
                .name("BERT-base")
                .vocabSize(30_522)
                .contextLength(512)
                .layers(12)
                .dModel(768)
                .heads(12)
                .mlpHidden(3072)
                .build();
    }

    /**
     * T5-small (Raffel et al. 2020; Hugging Face {@code t5-small}): 6 + 6 layers, d 512, 8 heads of 64, ReLU MLP
     * 2048, vocabulary 32,128, no biases, RMSNorm, relative bias with 32 buckets, tied embeddings:
     * 60,506,624 parameters.
     */
    public static ArchitectureConfig t5Small() {
        return t5("T5-small", 6, 512, 8, 2048);
    }

    /** T5-base ({@code t5-base}): 12 + 12 layers, d 768, 12 heads of 64, MLP 3072: 222,903,552 parameters. */
    public static ArchitectureConfig t5Base() {
        return t5("T5-base", 12, 768, 12, 3072);
    }

    private static ArchitectureConfig t5(String name, int layers, int dModel, int heads, int mlpHidden) {
        return ArchitectureConfig.builder(ModelFamily.ENCODER_DECODER)
                .name(name)
                .vocabSize(32_128)
                .contextLength(512)
                .layers(layers)
                .dModel(dModel)
                .heads(heads)
                .headDim(64)
                .mlpHidden(mlpHidden)
                .build();
    }

    /**
     * A LLaMA-7B shape (Touvron et al. 2023, Table 2; Llama 2 7B, Hugging Face {@code Llama-2-7b-hf}): 32 layers,
     * d 4096, 32 heads, SwiGLU MLP 11,008, vocabulary 32,000, RMSNorm, rotary positions, no biases, untied output,
     * context 4096: 6,738,415,616 parameters.
     */
    public static ArchitectureConfig llama7b() {
        return ArchitectureConfig.builder(ModelFamily.DECODER_ONLY)
                .name("LLaMA-7B-like")
                .vocabSize(32_000)
                .contextLength(4096)
                .layers(32)
                .dModel(4096)
                .heads(32)
                .mlpHidden(11_008)
                .activation(Activation.SWIGLU)
                .normalization(Normalization.RMS_NORM)
                .biases(false)
                .positions(PositionEncoding.ROTARY)
                .tiedEmbeddings(false)
                .build();
    }

    /**
     * A Mixtral-8x7B shape (Jiang et al. 2024, "Mixtral of Experts", Table 1): the LLaMA layout with 8 key/value
     * heads (grouped-query), SwiGLU experts of 14,336, 8 experts with 2 active per token, context 32,768:
     * 46,702,792,704 parameters, 12,879,925,248 active per token (Mistral publishes 46.7B and 12.9B).
     */
    public static ArchitectureConfig mixtral8x7b() {
        return llama7b().toBuilder()
                .name("Mixtral-8x7B-like")
                .contextLength(32_768)
                .kvHeads(8)
                .mlpHidden(14_336)
                .experts(8, 2)
                .build();
    }

    /** Every preset, smallest family first. */
    public static List<ArchitectureConfig> all() {
        return List.of(gpt2Small(), gpt2Medium(), gpt2Large(), gpt2Xl(), bertBase(), t5Small(), t5Base(),
                llama7b(), mixtral8x7b());
    }

    /** The preset with this name, ignoring case, for example {@code "gpt-2 small"}. */
    public static Optional<ArchitectureConfig> byName(String name) {
        return all().stream().filter(config -> config.name().equalsIgnoreCase(name)).findFirst();
    }
}
