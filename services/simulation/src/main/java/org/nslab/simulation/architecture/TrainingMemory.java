package org.nslab.simulation.architecture;

/**
 * Memory one GPU needs to train a model, in bytes, from
 * {@link MemoryCalculator#training(ArchitectureConfig, TrainingSetup)}.
 *
 * @param weightBytes                     weights held by this GPU (divided by the GPU count at ZeRO stage 3)
 * @param gradientBytes                   gradients held by this GPU (divided at stages 2 and 3)
 * @param optimizerStateBytes             master weights and Adam moments held by this GPU (divided at stages 1..3)
 * @param activationBytesPerTokenPerLayer stored activations of one token in one block
 * @param activationBytesPerLayer         stored activations of one block for the micro-batch
 * @param activationBytes                 stored activations of all blocks for the micro-batch
 * @param totalBytes                      model states plus activations
 */
public record TrainingMemory(double weightBytes, double gradientBytes, double optimizerStateBytes,
                             double activationBytesPerTokenPerLayer, double activationBytesPerLayer,
                             double activationBytes, double totalBytes) {

    /** Weights, gradients and optimizer states held by this GPU. */
    public double modelStateBytes() {
        return weightBytes + gradientBytes + optimizerStateBytes;
    }
}
