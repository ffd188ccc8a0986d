package org.nslab.simulation.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MemoryCalculatorTest {

    private static final long LLAMA_7B = 6_738_415_616L;

    @Test
    void llama7bKvCacheInFp16IsHalfAMebibytePerToken() {
        // 2 (K and V) x 32 layers x 32 KV heads x 128 dimensions x 2 bytes.
        assertEquals(524_288.0, MemoryCalculator.kvCacheBytesPerToken(ArchitecturePresets.llama7b(), DataType.FP16));
    }

    @Test
    void llama7bInferenceHoldsBf16WeightsAndTheCacheOfTheWholeBatch() {
        InferenceMemory memory = MemoryCalculator.inference(ArchitecturePresets.llama7b(),
                new InferenceSetup(DataType.BF16, DataType.FP16, 4, 4096));

        assertEquals(2.0 * LLAMA_7B, memory.weightBytes());
        assertEquals(524_288.0, memory.kvCacheBytesPerToken());
        assertEquals(524_288.0 * 4 * 4096, memory.kvCacheBytes());
        assertEquals(8_589_934_592.0, memory.kvCacheBytes());
        assertEquals(memory.weightBytes() + memory.kvCacheBytes(), memory.totalBytes());
    }

    @Test
    void groupedQueryAttentionShrinksTheKvCache() {
        // Mixtral: 8 KV heads instead of 32.
        assertEquals(2.0 * 32 * 8 * 128 * 2,
                MemoryCalculator.kvCacheBytesPerToken(ArchitecturePresets.mixtral8x7b(), DataType.BF16));
    }

    @Test
    void anEncoderOnlyModelHasNoKvCache() {
        InferenceMemory memory = MemoryCalculator.inference(ArchitecturePresets.bertBase(),
                new InferenceSetup(DataType.FP32, DataType.FP32, 8, 512));

        assertEquals(0.0, memory.kvCacheBytes());
        assertEquals(4.0 * 109_482_240L, memory.totalBytes());
    }

    @Test
    void mixedPrecisionAdamNeedsSixteenBytesPerParameter() {
        TrainingMemory memory = MemoryCalculator.training(ArchitecturePresets.llama7b(),
                new TrainingSetup(TrainingPrecision.MIXED, 0, 1, 4096, 1, true));

        assertEquals(2.0 * LLAMA_7B, memory.weightBytes());
        assertEquals(2.0 * LLAMA_7B, memory.gradientBytes());
        assertEquals(12.0 * LLAMA_7B, memory.optimizerStateBytes());
        assertEquals(16.0 * LLAMA_7B, memory.modelStateBytes());
    }

    @Test
    void zeroStageThreeOverEightGpusDividesWeightsGradientsAndOptimizerByEight() {
        ArchitectureConfig llama = ArchitecturePresets.llama7b();
        TrainingMemory single = MemoryCalculator.training(llama,
                new TrainingSetup(TrainingPrecision.MIXED, 0, 1, 4096, 1, true));

        TrainingMemory sharded = MemoryCalculator.training(llama,
                new TrainingSetup(TrainingPrecision.MIXED, 3, 8, 4096, 1, true));

        assertEquals(single.weightBytes() / 8, sharded.weightBytes());
        assertEquals(single.gradientBytes() / 8, sharded.gradientBytes());
        assertEquals(single.optimizerStateBytes() / 8, sharded.optimizerStateBytes());
        assertEquals(16.0 * LLAMA_7B / 8, sharded.modelStateBytes());
        assertEquals(single.activationBytes(), sharded.activationBytes());
    }

    @Test
    void zeroStagesOneAndTwoShardOptimizerThenGradients() {
        ArchitectureConfig llama = ArchitecturePresets.llama7b();

        TrainingMemory stage1 = MemoryCalculator.training(llama,
                new TrainingSetup(TrainingPrecision.MIXED, 1, 8, 4096, 1, true));
        TrainingMemory stage2 = MemoryCalculator.training(llama,
                new TrainingSetup(TrainingPrecision.MIXED, 2, 8, 4096, 1, true));

        assertEquals(2.0 * LLAMA_7B, stage1.weightBytes());
        assertEquals(2.0 * LLAMA_7B, stage1.gradientBytes());
        assertEquals(12.0 * LLAMA_7B / 8, stage1.optimizerStateBytes());
        assertEquals(2.0 * LLAMA_7B, stage2.weightBytes());
        assertEquals(2.0 * LLAMA_7B / 8, stage2.gradientBytes());
    }

    @Test
    void fp32AndBf16KeepSixteenAndEightBytesPerParameter() {
        ArchitectureConfig gpt2 = ArchitecturePresets.gpt2Small();

        TrainingMemory fp32 = MemoryCalculator.training(gpt2,
                new TrainingSetup(TrainingPrecision.FP32, 0, 1, 1024, 1, false));
        TrainingMemory bf16 = MemoryCalculator.training(gpt2,
                new TrainingSetup(TrainingPrecision.BF16, 0, 1, 1024, 1, false));

        assertEquals(16.0 * 124_439_808L, fp32.modelStateBytes());
        assertEquals(8.0 * 124_439_808L, bf16.modelStateBytes());
        assertEquals(2 * bf16.activationBytes(), fp32.activationBytes());
    }

    @Test
    void activationsFollowKorthikantiWithoutRecomputation() {
        TrainingMemory memory = MemoryCalculator.training(ArchitecturePresets.gpt2Small(),
                new TrainingSetup(TrainingPrecision.MIXED, 0, 1, 1024, 1, false));

        // s·b·h·(34 + 5·a·s/h) = 1024·1·768·(34 + 5·12·1024/768) = 786,432 · 114.
        assertEquals(89_653_248.0, memory.activationBytesPerLayer());
        assertEquals(12 * 89_653_248.0, memory.activationBytes());
        assertEquals(768 * 34 + 5 * 12 * 1024.0, memory.activationBytesPerTokenPerLayer());
        assertEquals(memory.modelStateBytes() + memory.activationBytes(), memory.totalBytes());
    }

    @Test
    void fullRecomputationKeepsOnlyTheBlockInputs() {
        TrainingMemory memory = MemoryCalculator.training(ArchitecturePresets.gpt2Small(),
                new TrainingSetup(TrainingPrecision.MIXED, 0, 1, 1024, 4, true));

        assertEquals(2.0 * 1024 * 4 * 768, memory.activationBytesPerLayer());
        assertEquals(2.0 * 768, memory.activationBytesPerTokenPerLayer());
        assertEquals(12 * 2.0 * 1024 * 4 * 768, memory.activationBytes());
    }

    @Test
    void anInvalidSetupIsRefused() {
        TrainingSetup invalid = new TrainingSetup(TrainingPrecision.MIXED, 4, 8, 1024, 1, false);

        assertThrows(IllegalArgumentException.class,
                () -> MemoryCalculator.training(ArchitecturePresets.gpt2Small(), invalid));
    }
}
