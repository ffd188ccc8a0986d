package org.nslab.simulation.architecture;

/**
 * Memory to serve a model, in bytes, from {@link MemoryCalculator#inference(ArchitectureConfig, InferenceSetup)}.
 *
 * @param weightBytes          all parameters (all experts of a mixture) in the weight format
 * @param kvCacheBytesPerToken keys and values one token of one sequence adds to the cache
 * @param kvCacheBytes         the cache for the whole batch and sequence length
 * @param totalBytes           weights plus cache (activations of the current step are small and left out)
 */
public record InferenceMemory(double weightBytes, double kvCacheBytesPerToken, double kvCacheBytes,
                              double totalBytes) {
}
