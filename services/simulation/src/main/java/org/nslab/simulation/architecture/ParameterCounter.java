package org.nslab.simulation.architecture;

import org.nslab.simulation.validation.Problem;
/**
 * Counts the parameters of an {@link ArchitectureConfig} exactly, component by component.
 *
 * <p>Per block (layer), with {@code d = dModel}, {@code d_attn = heads · headDim}, {@code d_kv = kvHeads · headDim},
 * {@code f = mlpHidden} and {@code b} = 1 when biases are on, else 0:
 * <ul>
 *   <li>attention: {@code d·d_attn + 2·d·d_kv + d_attn·d} weights (Q, K, V, O) plus
 *       {@code b·(d_attn + 2·d_kv + d)} biases; a decoder block of an encoder-decoder model has a second
 *       (cross-)attention of the same size;</li>
 *   <li>MLP (one expert): {@code m·d·f} weights with {@code m} = 2 (GELU, ReLU) or 3 (SwiGLU), plus biases
 *       {@code b·(f + d)} or {@code b·(2f + d)};</li>
 *   <li>norms: 2 per block (3 in a decoder block with cross-attention), each {@code 2d} for LayerNorm with biases,
 *       {@code d} otherwise.</li>
 * </ul>
 * With these rules GPT-2 small has 124,439,808 parameters and GPT-2 medium 354,823,168, the sizes of the
 * published checkpoints; a LLaMA-2-7B shape has 6,738,415,616.
 *
 * <p>T5's relative attention bias: the original T5 computes the bias in the first block of each stack and shares it
 * with the other blocks of that stack (Raffel et al. 2020, Section 2.1; {@code has_relative_attention_bias} only on
 * block 0 in the Hugging Face port), so it is counted once per stack, {@code buckets × heads}. Cross-attention has no
 * position bias.
 */
public final class ParameterCounter {

    private ParameterCounter() {
    }

    /** The exact parameter count; throws {@link IllegalArgumentException} when the configuration is invalid. */
    public static ParameterCount count(ArchitectureConfig config) {
        Problem.requireNone(config.validate());
        long d = config.dModel();
        long vocab = config.vocabSize();
        int stacks = config.stacks();
        long bias = config.biases() ? 1 : 0;

        long tokenEmbeddings = vocab * d;
        long positions = switch (config.positions()) {
            case LEARNED -> stacks * (long) config.contextLength() * d;
            case RELATIVE_BIAS -> stacks * (long) config.relativeAttentionBuckets() * config.heads();
            case SINUSOIDAL, ROTARY -> 0;
        };
        long tokenTypeEmbeddings = (long) config.tokenTypes() * d;

        long attention = attentionBlocks(config) * attentionParameters(config);

        long layers = config.totalLayers();
        long oneExpert = mlpParameters(config);
        long mlp = layers * config.experts() * oneExpert;
        long router = config.isMixtureOfExperts() ? layers * d * config.experts() : 0;

        long oneNorm = config.normalization().parameters(d, config.biases());
        long normCount = 2 * layers + crossAttentionBlocks(config);
        if (config.embeddingNorm()) {
            normCount += stacks;
        }
        if (config.finalNorm()) {
            normCount += stacks;
        }
        long norms = normCount * oneNorm;

        long outputHead = hasVocabularyOutput(config) && !config.tiedEmbeddings() ? vocab * d : 0;
        long pooler = config.pooler() ? d * d + bias * d : 0;
        long mlmHead = config.mlmHead() ? d * d + bias * d + oneNorm + bias * vocab : 0;
        long nspHead = config.nspHead() ? 2 * d + bias * 2 : 0;

        long total = tokenEmbeddings + positions + tokenTypeEmbeddings + attention + mlp + router + norms
                + outputHead + pooler + mlmHead + nspHead;
        long unusedExperts = layers * (config.experts() - config.activeExperts()) * oneExpert;
        return new ParameterCount(tokenEmbeddings, positions, tokenTypeEmbeddings, attention, mlp, router, norms,
                outputHead, pooler, mlmHead, nspHead, total, total - unusedExperts);
    }

    /** Weights and biases of one attention sub-layer (Q, K, V, O). */
    static long attentionParameters(ArchitectureConfig config) {
        long d = config.dModel();
        long attentionWidth = config.attentionWidth();
        long keyValueWidth = config.keyValueWidth();
        long weights = d * attentionWidth + 2 * d * keyValueWidth + attentionWidth * d;
        long biases = config.biases() ? attentionWidth + 2 * keyValueWidth + d : 0;
        return weights + biases;
    }

    /** Weights and biases of one MLP, that is of one expert in a mixture of experts. */
    static long mlpParameters(ArchitectureConfig config) {
        long d = config.dModel();
        long hidden = config.mlpHidden();
        int matrices = config.activation().matrices();
        long weights = matrices * d * hidden;
        long biases = config.biases() ? (matrices - 1) * hidden + d : 0;
        return weights + biases;
    }

    /** Attention sub-layers in the whole model: one per block plus one cross-attention per decoder block. */
    static long attentionBlocks(ArchitectureConfig config) {
        return config.totalLayers() + crossAttentionBlocks(config);
    }

    /** Cross-attention sub-layers: one per decoder block of an encoder-decoder model. */
    static long crossAttentionBlocks(ArchitectureConfig config) {
        return config.family() == ModelFamily.ENCODER_DECODER ? config.decoderLayers() : 0;
    }

    /** Whether the model ends in a projection to vocabulary logits (language-model or masked-LM head). */
    static boolean hasVocabularyOutput(ArchitectureConfig config) {
        return config.family() != ModelFamily.ENCODER_ONLY || config.mlmHead();
    }
}
