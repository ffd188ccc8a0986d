package org.nslab.simulation.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ParameterCounterTest {

    @Test
    void gpt2SmallHasItsPublishedParameterCount() {
        ParameterCount count = ParameterCounter.count(ArchitecturePresets.gpt2Small());

        assertEquals(124_439_808L, count.total());
        assertEquals(124_439_808L, count.activePerToken());
    }

    @Test
    void gpt2SmallBreaksDownIntoItsComponents() {
        ParameterCount count = ParameterCounter.count(ArchitecturePresets.gpt2Small());

        assertEquals(50_257L * 768, count.tokenEmbeddings());
        assertEquals(1024L * 768, count.positions());
        // Per layer: c_attn 768x2304 + 2304, c_proj 768x768 + 768.
        assertEquals(12L * (768 * 2304 + 2304 + 768 * 768 + 768), count.attention());
        // Per layer: c_fc 768x3072 + 3072, c_proj 3072x768 + 768.
        assertEquals(12L * (768 * 3072 + 3072 + 3072 * 768 + 768), count.mlp());
        // ln_1 and ln_2 in 12 layers plus ln_f, each weight and bias.
        assertEquals(25L * 2 * 768, count.norms());
        assertEquals(0, count.outputHead());
        assertEquals(0, count.router());
        long sum = count.components().stream().mapToLong(ParameterCount.Component::parameters).sum();
        assertEquals(count.total(), sum);
    }

    @Test
    void gpt2MediumHasItsPublishedParameterCount() {
        assertEquals(354_823_168L, ParameterCounter.count(ArchitecturePresets.gpt2Medium()).total());
    }

    @Test
    void gpt2LargeAndXlHaveTheirCheckpointSizes() {
        assertEquals(774_030_080L, ParameterCounter.count(ArchitecturePresets.gpt2Large()).total());
        assertEquals(1_557_611_200L, ParameterCounter.count(ArchitecturePresets.gpt2Xl()).total());
    }

    @Test
    void untyingTheOutputAddsOneVocabularyMatrix() {
        ArchitectureConfig untied = ArchitecturePresets.gpt2Small().toBuilder().tiedEmbeddings(false).build();

        ParameterCount count = ParameterCounter.count(untied);

        assertEquals(50_257L * 768, count.outputHead());
        assertEquals(124_439_808L + 50_257L * 768, count.total());
    }

    @Test
    void llama7bShapeHasTheLlama2SevenBillionCount() {
        ParameterCount count = ParameterCounter.count(ArchitecturePresets.llama7b());

        assertEquals(6_738_415_616L, count.total());
        assertEquals(0, count.positions());
        assertEquals(32_000L * 4096, count.outputHead());
        assertEquals(32L * 4 * 4096 * 4096, count.attention());
        assertEquals(32L * 3 * 4096 * 11_008, count.mlp());
        // RMSNorm has no bias: 2 per layer plus the final one, 4096 weights each.
        assertEquals(65L * 4096, count.norms());
    }

    @Test
    void bertBaseWithPoolerIsTheBertModelCount() {
        ParameterCount count = ParameterCounter.count(ArchitecturePresets.bertBase());

        assertEquals(109_482_240L, count.total());
        assertEquals(768L * 768 + 768, count.pooler());
        assertEquals(2L * 768, count.tokenTypeEmbeddings());
        assertEquals(512L * 768, count.positions());
    }

    @Test
    void bertBaseWithPretrainingHeadsIsTheBertForPreTrainingCount() {
        ArchitectureConfig pretraining = ArchitecturePresets.bertBase().toBuilder().mlmHead(true).nspHead(true)
                .build();

        ParameterCount count = ParameterCounter.count(pretraining);

        assertEquals(110_106_428L, count.total());
        // Transform dense + its LayerNorm + output bias; the projection is tied to the embeddings.
        assertEquals(768L * 768 + 768 + 2 * 768 + 30_522, count.mlmHead());
        assertEquals(2L * 768 + 2, count.nspHead());
        assertEquals(0, count.outputHead());
    }

    @Test
    void bertBaseWithoutPoolerDropsOneDenseLayer() {
        ArchitectureConfig noPooler = ArchitecturePresets.bertBase().toBuilder().pooler(false).build();

        assertEquals(108_891_648L, ParameterCounter.count(noPooler).total());
    }

    @Test
    void t5BaseHasItsCheckpointSize() {
        ParameterCount count = ParameterCounter.count(ArchitecturePresets.t5Base());

        assertEquals(222_903_552L, count.total());
        // One 32 x 12 relative bias table per stack.
        assertEquals(2L * 32 * 12, count.positions());
        // 12 encoder self-attentions, 12 decoder self-attentions and 12 cross-attentions.
        assertEquals(36L * 4 * 768 * 768, count.attention());
    }

    @Test
    void t5SmallHasItsCheckpointSize() {
        assertEquals(60_506_624L, ParameterCounter.count(ArchitecturePresets.t5Small()).total());
    }

    @Test
    void mixtralHasAboutFortySixPointSevenBillionParametersAndTwelvePointNineActive() {
        ParameterCount count = ParameterCounter.count(ArchitecturePresets.mixtral8x7b());

        assertEquals(46_702_792_704L, count.total());
        assertEquals(12_879_925_248L, count.activePerToken());
        assertEquals(46.7e9, count.total(), 0.05e9);
        assertEquals(12.9e9, count.activePerToken(), 0.05e9);
        assertEquals(32L * 4096 * 8, count.router());
        long oneExpert = 3L * 4096 * 14_336;
        assertEquals(32L * 8 * oneExpert, count.mlp());
        assertEquals(count.total() - 32L * 6 * oneExpert, count.activePerToken());
    }

    @Test
    void groupedQueryAttentionShrinksOnlyKeysAndValues() {
        ArchitectureConfig multiQuery = ArchitecturePresets.llama7b().toBuilder().kvHeads(1).build();

        long attention = ParameterCounter.count(multiQuery).attention();

        // Q and O stay 4096 x 4096, K and V become 4096 x 128.
        assertEquals(32L * (2 * 4096 * 4096 + 2 * 4096 * 128), attention);
    }

    @Test
    void rotaryAndSinusoidalPositionsHaveNoParameters() {
        ArchitectureConfig rotary = ArchitecturePresets.gpt2Small().toBuilder()
                .positions(PositionEncoding.ROTARY).build();
        ArchitectureConfig sinusoidal = ArchitecturePresets.gpt2Small().toBuilder()
                .positions(PositionEncoding.SINUSOIDAL).build();

        assertEquals(124_439_808L - 1024L * 768, ParameterCounter.count(rotary).total());
        assertEquals(0, ParameterCounter.count(sinusoidal).positions());
    }

    @Test
    void rmsNormWithoutBiasesKeepsOnlyNormWeights() {
        ArchitectureConfig noBias = ArchitecturePresets.gpt2Small().toBuilder()
                .normalization(Normalization.RMS_NORM).biases(false).build();

        ParameterCount count = ParameterCounter.count(noBias);

        assertEquals(25L * 768, count.norms());
        assertEquals(12L * 4 * 768 * 768, count.attention());
        assertEquals(12L * 2 * 768 * 3072, count.mlp());
    }

    @Test
    void swigluMlpHasThreeMatrices() {
        ArchitectureConfig swiglu = ArchitecturePresets.gpt2Small().toBuilder()
                .activation(Activation.SWIGLU).mlpHidden(2048).build();

        // gate and up with biases of 2048, down with a bias of 768.
        assertEquals(12L * (3 * 768 * 2048 + 2 * 2048 + 768), ParameterCounter.count(swiglu).mlp());
    }

    @Test
    void mlpRatioSetsTheHiddenWidthFromDModel() {
        ArchitectureConfig config = ArchitecturePresets.gpt2Small().toBuilder().mlpRatio(8.0 / 3).build();

        assertEquals(2048, config.mlpHidden());
    }

    @Test
    void nonEmbeddingCountLeavesOutEmbeddingMatrices() {
        ParameterCount count = ParameterCounter.count(ArchitecturePresets.gpt2Small());

        assertEquals(124_439_808L - 50_257L * 768 - 1024L * 768, count.nonEmbedding());
    }

    @Test
    void anInvalidConfigurationIsRefused() {
        ArchitectureConfig invalid = ArchitecturePresets.gpt2Small().toBuilder().heads(7).kvHeads(7).build();

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ParameterCounter.count(invalid));
        assertEquals("heads: must divide dModel (768) when headDim is 0, was 7", error.getMessage());
    }
}
