package org.nslab.simulation.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FlopsCalculatorTest {

    @Test
    void gpt2SmallForwardIsTwoFlopsPerWeightPlusTheAttentionTerm() {
        FlopsPerToken flops = FlopsCalculator.perToken(ArchitecturePresets.gpt2Small());

        long layerWeights = 4L * 768 * 768 + 2L * 768 * 3072;
        long logitsWeights = 50_257L * 768;
        double weightMatmuls = 2.0 * (12 * layerWeights + logitsWeights);
        double attention = 2.0 * 12 * 1024 * 768;
        assertEquals(247_064_064.0, weightMatmuls);
        assertEquals(18_874_368.0, attention);
        assertEquals(weightMatmuls, flops.weightMatmuls());
        assertEquals(attention, flops.attention());
        assertEquals(265_938_432.0, flops.forward());
        assertEquals(3 * 265_938_432.0, flops.training());
    }

    @Test
    void gpt2SmallForwardIsCloseToKaplansTwoNPlusAttention() {
        long parameters = ParameterCounter.count(ArchitecturePresets.gpt2Small()).total();
        double kaplan = 2.0 * parameters + 2.0 * 12 * 1024 * 768;

        double forward = FlopsCalculator.perToken(ArchitecturePresets.gpt2Small()).forward();

        // The difference is 2 FLOPs per position-table weight, bias and norm weight, which are not products.
        assertEquals(kaplan, forward, 0.01 * kaplan);
    }

    @Test
    void aLongerContextOnlyGrowsTheAttentionTerm() {
        ArchitectureConfig gpt2 = ArchitecturePresets.gpt2Small();

        FlopsPerToken short1k = FlopsCalculator.perToken(gpt2, 1024);
        FlopsPerToken long8k = FlopsCalculator.perToken(gpt2, 8192);

        assertEquals(short1k.weightMatmuls(), long8k.weightMatmuls());
        assertEquals(8 * short1k.attention(), long8k.attention());
    }

    @Test
    void mixtureOfExpertsCountsOnlyTheActiveExpertsAndTheRouter() {
        FlopsPerToken flops = FlopsCalculator.perToken(ArchitecturePresets.mixtral8x7b(), 4096);

        long attentionWeights = 2L * 4096 * 4096 + 2L * 4096 * 1024;
        long activeExperts = 2L * 3 * 4096 * 14_336;
        long router = 4096L * 8;
        long logits = 32_000L * 4096;
        assertEquals(2.0 * (32 * (attentionWeights + activeExperts + router) + logits), flops.weightMatmuls());
        assertEquals(2.0 * 32 * 4096 * 4096, flops.attention());
    }

    @Test
    void encoderDecoderCountsCrossAttentionInEveryDecoderBlock() {
        FlopsPerToken flops = FlopsCalculator.perToken(ArchitecturePresets.t5Base());

        // 12 encoder self-attentions + 12 decoder self-attentions + 12 cross-attentions.
        assertEquals(2.0 * 36 * 512 * 768, flops.attention());
        double weights = 36.0 * 4 * 768 * 768 + 24.0 * 2 * 768 * 3072 + 32_128.0 * 768;
        assertEquals(2 * weights, flops.weightMatmuls());
    }

    @Test
    void aContextOutsideTheRangeIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> FlopsCalculator.perToken(ArchitecturePresets.gpt2Small(), 0));
    }
}
