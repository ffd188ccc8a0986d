package org.nslab.simulation.architecture;

import org.nslab.simulation.validation.Problem;
/**
 * Memory to train and to serve an {@link ArchitectureConfig}. Results are bytes as {@code double}.
 *
 * <h2>Training, per GPU</h2>
 * <p>Model states are {@code N} parameters times the bytes of {@link TrainingPrecision}: weights, gradients and
 * optimizer states (Adam's two moments, plus fp32 master weights in mixed precision: 16 bytes per parameter as in
 * the ZeRO paper, Rajbhandari et al. 2020, Section 3.1). ZeRO data parallelism over {@code g} GPUs divides by
 * {@code g}: stage 1 the optimizer states, stage 2 also the gradients, stage 3 also the weights (Section 5).
 *
 * <p>Activations follow Korthikanti et al. (2022, "Reducing Activation Recomputation in Large Transformer Models",
 * Section 4.1, equation 1 without tensor parallelism): one transformer block stores
 * {@code s · b · h · (34 + 5 · a · s / h)} bytes of 16-bit activations, with sequence length {@code s}, micro-batch
 * {@code b}, hidden size {@code h = dModel} and {@code a} heads; the {@code 5·a·s/h} part is the attention score
 * matrices. With full recomputation (activation checkpointing) only each block's input is kept,
 * {@code 2 · s · b · h} bytes per block (their Section 4.2). Choices made here:
 * <ul>
 *   <li>the formula is the paper's for the standard GPT block (MLP of 4h, multi-head attention); it is applied
 *       unchanged to every block, also with SwiGLU, grouped-query attention, experts or cross-attention;</li>
 *   <li>fp32 training doubles it (4-byte activations);</li>
 *   <li>embeddings, the output logits and the transient activations of the one block being recomputed are left
 *       out;</li>
 *   <li>activations are not sharded by ZeRO: each GPU keeps those of its own micro-batch.</li>
 * </ul>
 *
 * <h2>Inference</h2>
 * <p>Weights are all parameters times the weight format size. The KV cache keeps keys and values of every earlier
 * token in every decoder block: {@code 2 · decoderLayers · kvHeads · headDim · bytesPerValue} per token, times batch
 * and sequence length. Grouped-query and multi-query attention shrink it through {@code kvHeads}. An encoder-decoder
 * model also caches the cross-attention keys and values of the encoder output, the same amount per source token; the
 * source is taken to be as long as the sequence, which doubles the cache. An encoder-only model generates nothing and
 * has no cache.
 */
public final class MemoryCalculator {

    private MemoryCalculator() {
    }

    /** Memory per GPU to train; throws {@link IllegalArgumentException} when an input is invalid. */
    public static TrainingMemory training(ArchitectureConfig config, TrainingSetup setup) {
        Problem.requireNone(setup.validate());
        double parameters = ParameterCounter.count(config).total();
        TrainingPrecision precision = setup.precision();
        int stage = setup.zeroStage();
        double gpus = setup.gpus();

        double weights = parameters * precision.weightBytes() / (stage >= 3 ? gpus : 1);
        double gradients = parameters * precision.gradientBytes() / (stage >= 2 ? gpus : 1);
        double optimizer = parameters * precision.optimizerBytes() / (stage >= 1 ? gpus : 1);

        double s = setup.sequenceLength();
        double b = setup.microBatchSize();
        double h = config.dModel();
        double a = config.heads();
        double sixteenBitPerLayer = setup.activationCheckpointing()
                ? 2 * s * b * h
                : s * b * h * (34 + 5 * a * s / h);
        double perLayer = sixteenBitPerLayer * precision.activationBytes() / 2.0;
        double activations = perLayer * config.totalLayers();

        return new TrainingMemory(weights, gradients, optimizer, perLayer / (s * b), perLayer, activations,
                weights + gradients + optimizer + activations);
    }

    /** Memory to serve; throws {@link IllegalArgumentException} when an input is invalid. */
    public static InferenceMemory inference(ArchitectureConfig config, InferenceSetup setup) {
        Problem.requireNone(setup.validate());
        double weights = ParameterCounter.count(config).total() * setup.weights().bytes();
        double perToken = kvCacheBytesPerToken(config, setup.kvCache());
        double caches = config.family() == ModelFamily.ENCODER_DECODER ? 2 : 1;
        double cache = caches * perToken * setup.batchSize() * setup.sequenceLength();
        return new InferenceMemory(weights, perToken, cache, weights + cache);
    }

    /**
     * Bytes of keys and values one token adds to the self-attention cache:
     * {@code 2 · decoderLayers · kvHeads · headDim · bytesPerValue} (0 for encoder-only models).
     */
    public static double kvCacheBytesPerToken(ArchitectureConfig config, DataType format) {
        Problem.requireNone(config.validate());
        return 2.0 * config.decoderLayers() * config.keyValueWidth() * format.bytes();
    }
}
