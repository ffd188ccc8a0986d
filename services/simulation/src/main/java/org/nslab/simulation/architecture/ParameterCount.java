package org.nslab.simulation.architecture;

import java.util.List;

/**
 * The exact number of trainable parameters of a model, by component, as counted by {@link ParameterCounter}.
 * Every component sums over all layers and stacks.
 *
 * @param tokenEmbeddings     the {@code vocabSize × dModel} token embedding matrix (shared by both stacks of an
 *                            encoder-decoder model)
 * @param positions           learned position tables ({@code contextLength × dModel} per stack) or T5 relative
 *                            attention bias tables ({@code buckets × heads} per stack); 0 for sinusoidal and rotary
 * @param tokenTypeEmbeddings BERT segment embeddings, {@code tokenTypes × dModel}
 * @param attention           Q, K, V and O projections with their biases, self- and cross-attention
 * @param mlp                 MLP weights and biases; with mixture of experts, all experts
 * @param router              mixture-of-experts routers, {@code dModel × experts} per layer
 * @param norms               every LayerNorm/RMSNorm of the trunk: per block, after the embeddings, final
 * @param outputHead          the {@code vocabSize × dModel} output projection when it is not tied to the embeddings
 * @param pooler              BERT pooler
 * @param mlmHead             BERT masked-LM head: transform, its LayerNorm and the output bias (its projection is
 *                            in {@code outputHead} when untied, shared with the embeddings when tied)
 * @param nspHead             BERT next-sentence head
 * @param total               the sum of all the above
 * @param activePerToken      parameters one token passes through: {@code total} minus the experts it is not routed
 *                            to; equal to {@code total} for a dense model. It counts the embeddings, as Mistral does
 *                            for Mixtral's "12.9B active".
 */
public record ParameterCount(
        long tokenEmbeddings,
        long positions,
        long tokenTypeEmbeddings,
        long attention,
        long mlp,
        long router,
        long norms,
        long outputHead,
        long pooler,
        long mlmHead,
        long nspHead,
        long total,
        long activePerToken) {

    /** One named line of the breakdown. */
    public record Component(String name, long parameters) {
    }

    /** The breakdown in display order, including components that are 0, without the totals. */
    public List<Component> components() {
        return List.of(
                new Component("tokenEmbeddings", tokenEmbeddings),
                new Component("positions", positions),
                new Component("tokenTypeEmbeddings", tokenTypeEmbeddings),
                new Component("attention", attention),
                new Component("mlp", mlp),
                new Component("router", router),
                new Component("norms", norms),
                new Component("outputHead", outputHead),
                new Component("pooler", pooler),
                new Component("mlmHead", mlmHead),
                new Component("nspHead", nspHead));
    }

    /**
     * Kaplan et al. (2020, Section 2.1) measure model size without the embedding matrices: {@code total} minus
     * token embeddings, {@code positions} (learned tables or relative-bias tables), token type embeddings and the
     * untied output projection.
     */
    public long nonEmbedding() {
        return total - tokenEmbeddings - positions - tokenTypeEmbeddings - outputHead;
    }
}
