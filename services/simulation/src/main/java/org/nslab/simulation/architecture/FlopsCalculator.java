package org.nslab.simulation.architecture;

import org.nslab.simulation.validation.Problem;
/**
 * FLOPs per token of an {@link ArchitectureConfig}, with 2 FLOPs per multiply-add of every matrix product.
 *
 * <p>This follows Kaplan et al. (2020, "Scaling Laws for Neural Language Models", Table 1):
 * {@code C_forward ≈ 2N + 2 · n_layer · n_ctx · d_attn}. The first term multiplies every weight once; the second is
 * the attention over the context (query-key scores and the weighted sum of values) for a token that attends to
 * {@code n_ctx} positions, counted as in the paper's table. Counting both products in full for every position gives
 * twice this term (as Hoffmann et al. 2022, Appendix F do); we keep Kaplan's convention. Training is
 * {@code 3 · forward} (the backward pass computes gradients for activations and for weights), hence the familiar
 * {@code 6N} FLOPs per training token.
 *
 * <p>Differences from Kaplan's non-embedding {@code 2N}, all of them documented choices:
 * <ul>
 *   <li>the projection to vocabulary logits ({@code 2 · vocabSize · dModel}) is a matrix product and is counted,
 *       tied or not; embedding lookups, position tables, biases and norms are not products and are not counted;</li>
 *   <li>with mixture of experts only the {@code activeExperts} a token is routed to count, plus the router;</li>
 *   <li>an encoder-decoder "token" is one source token through the encoder and one target token through the decoder
 *       (source and target of length {@code n_ctx}); cross-attention adds its projections and another
 *       {@code 2 · n_ctx · d_attn} per decoder block;</li>
 *   <li>a BERT masked-LM head adds its {@code dModel × dModel} transform and the logits; the pooler and the
 *       next-sentence head act once per sequence and are left out.</li>
 * </ul>
 */
public final class FlopsCalculator {

    private FlopsCalculator() {
    }

    /** FLOPs per token at the configuration's own context length. */
    public static FlopsPerToken perToken(ArchitectureConfig config) {
        return perToken(config, config.contextLength());
    }

    /**
     * FLOPs per token when the token attends to {@code contextLength} positions; throws
     * {@link IllegalArgumentException} when the configuration is invalid or the context is outside
     * 1..{@value ArchitectureConfig#MAX_CONTEXT}.
     */
    public static FlopsPerToken perToken(ArchitectureConfig config, int contextLength) {
        Problem.requireNone(config.validate());
        if (contextLength < 1 || contextLength > ArchitectureConfig.MAX_CONTEXT) {
            throw new IllegalArgumentException("contextLength: must be between 1 and "
                    + ArchitectureConfig.MAX_CONTEXT + ", was " + contextLength);
        }
        double d = config.dModel();
        double attentionWidth = config.attentionWidth();
        double keyValueWidth = config.keyValueWidth();
        double layers = config.totalLayers();
        double attentionBlocks = ParameterCounter.attentionBlocks(config);

        double attentionWeights = attentionBlocks * (2 * d * attentionWidth + 2 * d * keyValueWidth);
        double mlpWeights = layers * config.activeExperts() * config.activation().matrices() * d
                * config.mlpHidden();
        double routerWeights = config.isMixtureOfExperts() ? layers * d * config.experts() : 0;
        double outputWeights = ParameterCounter.hasVocabularyOutput(config) ? (double) config.vocabSize() * d : 0;
        double mlmTransformWeights = config.mlmHead() ? d * d : 0;

        double weightMatmuls = 2 * (attentionWeights + mlpWeights + routerWeights + outputWeights
                + mlmTransformWeights);
        double attention = 2 * attentionBlocks * contextLength * attentionWidth;
        double forward = weightMatmuls + attention;
        return new FlopsPerToken(contextLength, weightMatmuls, attention, forward, 3 * forward);
    }
}
