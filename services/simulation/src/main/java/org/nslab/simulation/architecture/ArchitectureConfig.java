package org.nslab.simulation.architecture;

import org.nslab.simulation.validation.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * The shape of a transformer language model: everything the parameter, FLOP and memory calculators need.
 * Build one with {@link #builder(ModelFamily)}, which starts from the usual settings of the family, or take a
 * published one from {@link ArchitecturePresets}. Check it with {@link #validate()} before computing; the
 * calculators refuse an invalid configuration with an {@link IllegalArgumentException}.
 *
 * <p>Where each parameter lives (counted by {@link ParameterCounter}):
 * <ul>
 *   <li>every block has self-attention (Q, K, V, O projections) and an MLP, each preceded or followed by a norm;
 *       decoder blocks of an encoder-decoder model also have cross-attention with its own norm;</li>
 *   <li>Q and O are {@code dModel × heads·headDim}; K and V are {@code dModel × kvHeads·headDim}, so grouped-query
 *       ({@code 1 < kvHeads < heads}) and multi-query ({@code kvHeads = 1}) attention shrink K and V;</li>
 *   <li>with mixture of experts every block's MLP is replaced by {@code experts} copies of it plus a router
 *       ({@code dModel × experts}, no bias, as in Mixtral); each token uses {@code activeExperts} of them.</li>
 * </ul>
 *
 * @param name                     label shown to learners, for example {@code "GPT-2 small"}
 * @param family                   decoder-only, encoder-only or encoder-decoder
 * @param vocabSize                tokens in the vocabulary, 1..10,000,000
 * @param contextLength            longest sequence the model is trained on, 1..10,000,000; it sizes the learned
 *                                 position table and is the {@code n_ctx} of the attention FLOP term
 * @param encoderLayers            encoder blocks: 0 for decoder-only, 1..1000 otherwise
 * @param decoderLayers            decoder blocks: 0 for encoder-only, 1..1000 otherwise
 * @param dModel                   width of the residual stream, 1..100,000
 * @param heads                    query heads, 1..10,000
 * @param kvHeads                  key/value heads: {@code heads} for multi-head, fewer for grouped-query, 1 for
 *                                 multi-query attention; must divide {@code heads}
 * @param headDim                  width of one head, 1..10,000, or 0 for the default {@code dModel / heads}
 *                                 (then {@code heads} must divide {@code dModel})
 * @param mlpHidden                hidden width of the MLP (of one expert), 1..1,000,000
 * @param activation               GELU or ReLU (2 matrices) or SwiGLU (3 matrices)
 * @param normalization            LayerNorm (weight + bias) or RMSNorm (weight only)
 * @param biases                   whether linear layers (attention projections, MLP, pooler, heads) and LayerNorms
 *                                 have bias vectors
 * @param positions                learned, sinusoidal, rotary or T5 relative bias
 * @param relativeAttentionBuckets buckets of the T5 relative attention bias, 1..10,000; used only with
 *                                 {@link PositionEncoding#RELATIVE_BIAS}
 * @param tiedEmbeddings           whether the output projection reuses the token embedding matrix
 * @param experts                  MLP experts per block: 1 for a dense model, up to 1024
 * @param activeExperts            experts each token is routed to, 1..{@code experts}
 * @param embeddingNorm            a norm right after the embeddings (BERT), one per stack
 * @param finalNorm                a norm after the last block (GPT-2, LLaMA, T5), one per stack
 * @param tokenTypes               BERT segment ("token type") embeddings, 0..1000 rows; encoder-only only
 * @param pooler                   BERT pooler: a {@code dModel × dModel} dense layer on the first token;
 *                                 encoder-only only
 * @param mlmHead                  BERT masked-LM head: a {@code dModel × dModel} transform, its LayerNorm, the
 *                                 output projection (shared with the embeddings when tied) and an output bias of
 *                                 {@code vocabSize}; encoder-only only
 * @param nspHead                  BERT next-sentence head: {@code dModel × 2} plus bias; encoder-only only
 */
public record ArchitectureConfig(
        String name,
        ModelFamily family,
        int vocabSize,
        int contextLength,
        int encoderLayers,
        int decoderLayers,
        int dModel,
        int heads,
        int kvHeads,
        int headDim,
        int mlpHidden,
        Activation activation,
        Normalization normalization,
        boolean biases,
        PositionEncoding positions,
        int relativeAttentionBuckets,
        boolean tiedEmbeddings,
        int experts,
        int activeExperts,
        boolean embeddingNorm,
        boolean finalNorm,
        int tokenTypes,
        boolean pooler,
        boolean mlmHead,
        boolean nspHead) {

    public static final int MAX_VOCAB = 10_000_000;
    public static final int MAX_CONTEXT = 10_000_000;
    public static final int MAX_LAYERS = 1000;
    public static final int MAX_D_MODEL = 100_000;
    public static final int MAX_HEADS = 10_000;
    public static final int MAX_HEAD_DIM = 10_000;
    public static final int MAX_MLP_HIDDEN = 1_000_000;
    public static final int MAX_EXPERTS = 1024;
    public static final int MAX_BUCKETS = 10_000;
    public static final int MAX_TOKEN_TYPES = 1000;

    /**
     * A builder preset with the usual choices of the family, to be completed with at least the sizes:
     * <ul>
     *   <li>decoder-only: like GPT-2 (LayerNorm with biases, GELU, learned positions, tied embeddings, final
     *       norm);</li>
     *   <li>encoder-only: like BERT (the same plus a norm after the embeddings, 2 token types, a pooler and no final
     *       norm);</li>
     *   <li>encoder-decoder: like T5 (RMSNorm, no biases, ReLU, relative bias with 32 buckets, tied embeddings,
     *       final norm in each stack).</li>
     * </ul>
     * Unless set, {@code kvHeads} equals {@code heads}, {@code headDim} is {@code dModel / heads} and
     * {@code mlpHidden} is {@code 4 · dModel}.
     */
    public static Builder builder(ModelFamily family) {
        return new Builder(family);
    }

    /** A builder holding every value of this configuration, to derive a variant. */
    public Builder toBuilder() {
        Builder builder = new Builder(family);
        builder.name = name;
        builder.vocabSize = vocabSize;
        builder.contextLength = contextLength;
        builder.encoderLayers = encoderLayers;
        builder.decoderLayers = decoderLayers;
        builder.dModel = dModel;
        builder.heads = heads;
        builder.kvHeads = kvHeads;
        builder.headDim = headDim;
        builder.mlpHidden = mlpHidden;
        builder.activation = activation;
        builder.normalization = normalization;
        builder.biases = biases;
        builder.positions = positions;
        builder.relativeAttentionBuckets = relativeAttentionBuckets;
        builder.tiedEmbeddings = tiedEmbeddings;
        builder.experts = experts;
        builder.activeExperts = activeExperts;
        builder.embeddingNorm = embeddingNorm;
        builder.finalNorm = finalNorm;
        builder.tokenTypes = tokenTypes;
        builder.pooler = pooler;
        builder.mlmHead = mlmHead;
        builder.nspHead = nspHead;
        return builder;
    }

    /** The width of one head: {@code headDim}, or {@code dModel / heads} when {@code headDim} is 0. */
    public int headDimension() {
        return headDim > 0 ? headDim : dModel / heads;
    }

    /** {@code d_attn = heads · headDim}, the width of the queries and of the attention output. */
    public long attentionWidth() {
        return (long) heads * headDimension();
    }

    /** {@code kvHeads · headDim}, the width of the keys and of the values. */
    public long keyValueWidth() {
        return (long) kvHeads * headDimension();
    }

    /** Encoder plus decoder blocks. */
    public int totalLayers() {
        return encoderLayers + decoderLayers;
    }

    /** Number of stacks: 2 for encoder-decoder, 1 otherwise. */
    public int stacks() {
        return family == ModelFamily.ENCODER_DECODER ? 2 : 1;
    }

    /** Whether the MLPs are mixtures of experts with a router. */
    public boolean isMixtureOfExperts() {
        return experts > 1;
    }

    /**
     * Every problem with this configuration, empty when it is valid. Each problem names the field and the
     * allowed range.
     */
    public List<Problem> validate() {
        List<Problem> problems = new ArrayList<>();
        if (name == null || name.isBlank()) {
            problems.add(new Problem("name", "must not be blank"));
        }
        if (family == null) {
            problems.add(new Problem("family", "must be one of DECODER_ONLY, ENCODER_ONLY, ENCODER_DECODER"));
        }
        if (activation == null) {
            problems.add(new Problem("activation", "must be one of GELU, RELU, SWIGLU"));
        }
        if (normalization == null) {
            problems.add(new Problem("normalization", "must be one of LAYER_NORM, RMS_NORM"));
        }
        if (positions == null) {
            problems.add(new Problem("positions", "must be one of LEARNED, SINUSOIDAL, ROTARY, RELATIVE_BIAS"));
        }
        Problem.checkRange(problems, "vocabSize", vocabSize, 1, MAX_VOCAB);
        Problem.checkRange(problems, "contextLength", contextLength, 1, MAX_CONTEXT);
        validateLayers(problems);
        Problem.checkRange(problems, "dModel", dModel, 1, MAX_D_MODEL);
        Problem.checkRange(problems, "heads", heads, 1, MAX_HEADS);
        Problem.checkRange(problems, "kvHeads", kvHeads, 1, MAX_HEADS);
        if (heads >= 1 && kvHeads >= 1 && heads % kvHeads != 0) {
            problems.add(new Problem("kvHeads", "must divide heads (" + heads + "), was " + kvHeads));
        }
        if (headDim == 0) {
            if (heads >= 1 && dModel >= 1 && dModel % heads != 0) {
                problems.add(new Problem("heads", "must divide dModel (" + dModel + ") when headDim is 0, was "
                        + heads));
            }
        } else {
            Problem.checkRange(problems, "headDim", headDim, 0, MAX_HEAD_DIM);
        }
        Problem.checkRange(problems, "mlpHidden", mlpHidden, 1, MAX_MLP_HIDDEN);
        if (positions == PositionEncoding.RELATIVE_BIAS) {
            Problem.checkRange(problems, "relativeAttentionBuckets", relativeAttentionBuckets, 1, MAX_BUCKETS);
        }
        Problem.checkRange(problems, "experts", experts, 1, MAX_EXPERTS);
        if (experts >= 1) {
            Problem.checkRange(problems, "activeExperts", activeExperts, 1, experts);
        }
        validateEncoderOnlyExtras(problems);
        return List.copyOf(problems);
    }

    private void validateLayers(List<Problem> problems) {
        if (family == null) {
            return;
        }
        switch (family) {
            case DECODER_ONLY -> {
                if (encoderLayers != 0) {
                    problems.add(new Problem("encoderLayers", "must be 0 for a decoder-only model, was "
                            + encoderLayers));
                }
                Problem.checkRange(problems, "decoderLayers", decoderLayers, 1, MAX_LAYERS);
            }
            case ENCODER_ONLY -> {
                Problem.checkRange(problems, "encoderLayers", encoderLayers, 1, MAX_LAYERS);
                if (decoderLayers != 0) {
                    problems.add(new Problem("decoderLayers", "must be 0 for an encoder-only model, was "
                            + decoderLayers));
                }
            }
            case ENCODER_DECODER -> {
                Problem.checkRange(problems, "encoderLayers", encoderLayers, 1, MAX_LAYERS);
                Problem.checkRange(problems, "decoderLayers", decoderLayers, 1, MAX_LAYERS);
            }
        }
    }

    private void validateEncoderOnlyExtras(List<Problem> problems) {
        if (family == null) {
            return;
        }
        if (family == ModelFamily.ENCODER_ONLY) {
            Problem.checkRange(problems, "tokenTypes", tokenTypes, 0, MAX_TOKEN_TYPES);
            return;
        }
        String onlyEncoder = "is only defined for encoder-only models";
        if (tokenTypes != 0) {
            problems.add(new Problem("tokenTypes", "must be 0: token type embeddings " + onlyEncoder));
        }
        if (pooler) {
            problems.add(new Problem("pooler", "must be false: the pooler " + onlyEncoder));
        }
        if (mlmHead) {
            problems.add(new Problem("mlmHead", "must be false: the masked-LM head " + onlyEncoder));
        }
        if (nspHead) {
            problems.add(new Problem("nspHead", "must be false: the next-sentence head " + onlyEncoder));
        }
    }

    /** Builds an {@link ArchitectureConfig}; see {@link ArchitectureConfig#builder(ModelFamily)} for defaults. */
    public static final class Builder {

        private final ModelFamily family;
        private String name = "custom";
        private int vocabSize;
        private int contextLength;
        private int encoderLayers;
        private int decoderLayers;
        private int dModel;
        private int heads;
        private Integer kvHeads;
        private int headDim;
        private Integer mlpHidden;
        private Double mlpRatio;
        private Activation activation;
        private Normalization normalization;
        private boolean biases;
        private PositionEncoding positions;
        private int relativeAttentionBuckets;
        private boolean tiedEmbeddings = true;
        private int experts = 1;
        private int activeExperts = 1;
        private boolean embeddingNorm;
        private boolean finalNorm;
        private int tokenTypes;
        private boolean pooler;
        private boolean mlmHead;
        private boolean nspHead;

        private Builder(ModelFamily family) {
            this.family = family;
            if (family == ModelFamily.ENCODER_DECODER) {
                activation = Activation.RELU;
                normalization = Normalization.RMS_NORM;
                biases = false;
                positions = PositionEncoding.RELATIVE_BIAS;
                relativeAttentionBuckets = 32;
                finalNorm = true;
            } else {
                activation = Activation.GELU;
                normalization = Normalization.LAYER_NORM;
                biases = true;
                positions = PositionEncoding.LEARNED;
                finalNorm = family == ModelFamily.DECODER_ONLY;
            }
            if (family == ModelFamily.ENCODER_ONLY) {
                embeddingNorm = true;
                tokenTypes = 2;
                pooler = true;
            }
        }

        public Builder name(String value) {
            name = value;
            return this;
        }

        public Builder vocabSize(int value) {
            vocabSize = value;
            return this;
        }

        public Builder contextLength(int value) {
            contextLength = value;
            return this;
        }

        /** Sets the blocks of every stack the family has (for encoder-decoder: both stacks). */
        public Builder layers(int value) {
            if (family != ModelFamily.DECODER_ONLY) {
                encoderLayers = value;
            }
            if (family != ModelFamily.ENCODER_ONLY) {
                decoderLayers = value;
            }
            return this;
        }

        public Builder encoderLayers(int value) {
            encoderLayers = value;
            return this;
        }

        public Builder decoderLayers(int value) {
            decoderLayers = value;
            return this;
        }

        public Builder dModel(int value) {
            dModel = value;
            return this;
        }

        public Builder heads(int value) {
            heads = value;
            return this;
        }

        public Builder kvHeads(int value) {
            kvHeads = value;
            return this;
        }

        /** 0 means {@code dModel / heads}. */
        public Builder headDim(int value) {
            headDim = value;
            return this;
        }

        public Builder mlpHidden(int value) {
            mlpHidden = value;
            mlpRatio = null;
            return this;
        }

        /** Sets the MLP hidden width to {@code round(ratio · dModel)} when the configuration is built. */
        public Builder mlpRatio(double ratio) {
            mlpRatio = ratio;
            mlpHidden = null;
            return this;
        }

        public Builder activation(Activation value) {
            activation = value;
            return this;
        }

        public Builder normalization(Normalization value) {
            normalization = value;
            return this;
        }

        public Builder biases(boolean value) {
            biases = value;
            return this;
        }

        public Builder positions(PositionEncoding value) {
            positions = value;
            return this;
        }

        public Builder relativeAttentionBuckets(int value) {
            relativeAttentionBuckets = value;
            return this;
        }

        public Builder tiedEmbeddings(boolean value) {
            tiedEmbeddings = value;
            return this;
        }

        /** Mixture of experts: {@code experts} MLPs per block, {@code active} of them used per token. */
        public Builder experts(int experts, int active) {
            this.experts = experts;
            this.activeExperts = active;
            return this;
        }

        public Builder embeddingNorm(boolean value) {
            embeddingNorm = value;
            return this;
        }

        public Builder finalNorm(boolean value) {
            finalNorm = value;
            return this;
        }

        public Builder tokenTypes(int value) {
            tokenTypes = value;
            return this;
        }

        public Builder pooler(boolean value) {
            pooler = value;
            return this;
        }

        public Builder mlmHead(boolean value) {
            mlmHead = value;
            return this;
        }

        public Builder nspHead(boolean value) {
            nspHead = value;
            return this;
        }

        /** The configuration; it is not validated here, call {@link ArchitectureConfig#validate()}. */
        public ArchitectureConfig build() {
            int hidden;
            if (mlpHidden != null) {
                hidden = mlpHidden;
            } else if (mlpRatio != null) {
                // Clamped so that an absurd ratio becomes an out-of-range value that validate() reports.
                long rounded = Math.round(mlpRatio * dModel);
                hidden = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, rounded));
            } else {
                hidden = 4 * dModel;
            }
            return new ArchitectureConfig(name, family, vocabSize, contextLength, encoderLayers, decoderLayers,
                    dModel, heads, kvHeads != null ? kvHeads : heads, headDim, hidden, activation, normalization,
                    biases, positions, relativeAttentionBuckets, tiedEmbeddings, experts, activeExperts,
                    embeddingNorm, finalNorm, tokenTypes, pooler, mlmHead, nspHead);
        }
    }
}
