package org.nslab.simulation.engine;

import static org.nslab.simulation.engine.ParameterLayout.FCPROJ_B;
import static org.nslab.simulation.engine.ParameterLayout.FCPROJ_W;
import static org.nslab.simulation.engine.ParameterLayout.FC_B;
import static org.nslab.simulation.engine.ParameterLayout.FC_W;
import static org.nslab.simulation.engine.ParameterLayout.LN1_B;
import static org.nslab.simulation.engine.ParameterLayout.LN1_W;
import static org.nslab.simulation.engine.ParameterLayout.LN2_B;
import static org.nslab.simulation.engine.ParameterLayout.LN2_W;
import static org.nslab.simulation.engine.ParameterLayout.PROJ_B;
import static org.nslab.simulation.engine.ParameterLayout.PROJ_W;
import static org.nslab.simulation.engine.ParameterLayout.QKV_B;
import static org.nslab.simulation.engine.ParameterLayout.QKV_W;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A decoder-only GPT with an explicit forward and backward pass. The model keeps every activation
 * of its last forward pass, which is what the levels inspect: attention weights per layer and head,
 * the residual stream, MLP activations and the output distribution.
 *
 * <p>Not thread-safe: one model is used by one thread at a time (its kernels use all cores).
 */
public final class Gpt {

    private final GptConfig config;
    private final ParameterLayout layout;
    private final float[] params;
    private final float[] grads;
    private Activations acts;
    private Activations dacts;
    private int[] targets;
    private int targetOffset;

    private Gpt(GptConfig config, float[] params) {
        this.config = config.validated();
        this.layout = new ParameterLayout(config);
        if (params.length != layout.size()) {
            throw new IllegalArgumentException("expected " + layout.size() + " parameters, got " + params.length);
        }
        this.params = params;
        this.grads = new float[params.length];
    }

    /**
     * GPT-2 initialization: weights from N(0, 0.02), the two projections into the residual stream
     * scaled by 1/sqrt(2·layers), biases 0, LayerNorm gains 1.
     */
    public static Gpt initialize(GptConfig config, long seed) {
        ParameterLayout layout = new ParameterLayout(config.validated());
        float[] params = new float[layout.size()];
        SplittableRandom random = new SplittableRandom(seed);
        double residualStd = 0.02 / Math.sqrt(2.0 * config.layers());
        for (ParameterLayout.Tensor tensor : layout.tensors()) {
            boolean gain = tensor.name().endsWith("ln1.weight") || tensor.name().endsWith("ln2.weight")
                    || tensor.name().equals("lnf.weight");
            boolean residualProjection = tensor.name().equals("attn.proj.weight") || tensor.name().equals("mlp.proj.weight");
            for (int i = 0; i < tensor.size(); i++) {
                float value;
                if (gain) {
                    value = 1f;
                } else if (!tensor.decayed()) {
                    value = 0f;
                } else {
                    value = (float) (gaussian(random) * (residualProjection ? residualStd : 0.02));
                }
                params[tensor.offset() + i] = value;
            }
        }
        return new Gpt(config, params);
    }

    /** A model from saved parameters (a checkpoint). */
    public static Gpt fromParameters(GptConfig config, float[] params) {
        return new Gpt(config, params.clone());
    }

    public GptConfig config() {
        return config;
    }

    public ParameterLayout layout() {
        return layout;
    }

    /** The live parameter array (the optimizer updates it in place). */
    public float[] parameters() {
        return params;
    }

    public float[] gradients() {
        return grads;
    }

    public int parameterCount() {
        return params.length;
    }

    /** The activations of the last forward pass. */
    public Activations activations() {
        return acts;
    }

    // ------------------------------------------------------------------ forward

    /**
     * Runs {@code batch} sequences of {@code time} tokens each, read from {@code tokens} at {@code offset}.
     * With {@code targets}, returns the mean cross-entropy (and enables {@link #backward()}); without, NaN.
     */
    public double forward(int[] tokens, int offset, int[] targets, int targetOffset, int batch, int time) {
        if (time < 1 || time > config.contextLength()) {
            throw new IllegalArgumentException("sequence length " + time + " outside 1.." + config.contextLength());
        }
        for (int i = 0; i < batch * time; i++) {
            int token = tokens[offset + i];
            if (token < 0 || token >= config.vocabSize()) {
                throw new IllegalArgumentException("token " + token + " outside the vocabulary of " + config.vocabSize());
            }
        }
        if (acts == null || acts.batch != batch || acts.time != time) {
            acts = new Activations(config, batch, time);
            dacts = null;
        }
        int c = config.width();
        int h = config.hidden();
        int nh = config.heads();
        int bt = batch * time;
        Activations a = acts;

        System.arraycopy(tokens, offset, a.tokenCopy, 0, bt);
        Ops.encoderForward(a.encoded, tokens, offset, params, layout.wte, layout.wpe, batch, time, c);
        for (int l = 0; l < config.layers(); l++) {
            float[] residual = l == 0 ? a.encoded : a.residual3;
            int residualOff = l == 0 ? 0 : (l - 1) * bt * c;
            int lc = l * bt * c;
            int lh = l * bt * h;
            int lstat = l * bt;
            int latt = l * batch * nh * time * time;

            Ops.layerNormForward(a.ln1, lc, a.ln1Mean, a.ln1Rstd, lstat, residual, residualOff,
                    params, layout.block(l, LN1_W), layout.block(l, LN1_B), bt, c);
            Ops.matmulForward(a.qkv, l * bt * 3 * c, a.ln1, lc, params, layout.block(l, QKV_W), layout.block(l, QKV_B), bt, c, 3 * c);
            Ops.attentionForward(a.atty, lc, a.preatt, a.att, latt, a.qkv, l * bt * 3 * c, batch, time, c, nh);
            Ops.matmulForward(a.attproj, lc, a.atty, lc, params, layout.block(l, PROJ_W), layout.block(l, PROJ_B), bt, c, c);
            Ops.residualForward(a.residual2, lc, residual, residualOff, a.attproj, lc, bt * c);
            Ops.layerNormForward(a.ln2, lc, a.ln2Mean, a.ln2Rstd, lstat, a.residual2, lc,
                    params, layout.block(l, LN2_W), layout.block(l, LN2_B), bt, c);
            Ops.matmulForward(a.fch, lh, a.ln2, lc, params, layout.block(l, FC_W), layout.block(l, FC_B), bt, c, h);
            Ops.geluForward(a.fchGelu, lh, a.fch, lh, bt * h);
            Ops.matmulForward(a.fcproj, lc, a.fchGelu, lh, params, layout.block(l, FCPROJ_W), layout.block(l, FCPROJ_B), bt, h, c);
            Ops.residualForward(a.residual3, lc, a.residual2, lc, a.fcproj, lc, bt * c);
        }
        int lastOff = (config.layers() - 1) * bt * c;
        Ops.layerNormForward(a.lnf, 0, a.lnfMean, a.lnfRstd, 0, a.residual3, lastOff,
                params, layout.lnfWeight, layout.lnfBias, bt, c);
        Ops.matmulForward(a.logits, 0, a.lnf, 0, params, layout.wte, -1, bt, c, config.vocabSize());
        Ops.softmaxForward(a.probs, a.logits, bt, config.vocabSize());

        if (targets == null) {
            this.targets = null;
            return Double.NaN;
        }
        this.targets = targets;
        this.targetOffset = targetOffset;
        return Ops.crossEntropy(a.probs, targets, targetOffset, bt, config.vocabSize());
    }

    // ------------------------------------------------------------------ backward

    public void zeroGradients() {
        Arrays.fill(grads, 0f);
    }

    /** Adds the gradients of the last forward pass's mean loss into {@link #gradients()}. */
    public void backward() {
        if (targets == null) {
            throw new IllegalStateException("backward needs a forward pass with targets");
        }
        Activations a = acts;
        int batch = a.batch;
        int time = a.time;
        if (dacts == null) {
            dacts = new Activations(config, batch, time);
        } else {
            dacts.clear();
        }
        Activations d = dacts;
        int c = config.width();
        int h = config.hidden();
        int nh = config.heads();
        int bt = batch * time;
        int vocab = config.vocabSize();

        Ops.crossEntropySoftmaxBackward(d.logits, a.probs, targets, targetOffset, bt, vocab);
        Ops.matmulBackward(d.lnf, 0, grads, layout.wte, -1, d.logits, 0, a.lnf, 0, params, layout.wte, bt, c, vocab);
        int lastOff = (config.layers() - 1) * bt * c;
        Ops.layerNormBackward(d.residual3, lastOff, grads, layout.lnfWeight, layout.lnfBias, d.lnf, 0,
                a.residual3, lastOff, params, layout.lnfWeight, a.lnfMean, a.lnfRstd, 0, bt, c);

        for (int l = config.layers() - 1; l >= 0; l--) {
            float[] residual = l == 0 ? a.encoded : a.residual3;
            float[] dresidual = l == 0 ? d.encoded : d.residual3;
            int residualOff = l == 0 ? 0 : (l - 1) * bt * c;
            int lc = l * bt * c;
            int lh = l * bt * h;
            int lstat = l * bt;
            int latt = l * batch * nh * time * time;

            Ops.residualBackward(d.residual2, lc, d.fcproj, lc, d.residual3, lc, bt * c);
            Ops.matmulBackward(d.fchGelu, lh, grads, layout.block(l, FCPROJ_W), layout.block(l, FCPROJ_B),
                    d.fcproj, lc, a.fchGelu, lh, params, layout.block(l, FCPROJ_W), bt, h, c);
            Ops.geluBackward(d.fch, lh, a.fch, lh, d.fchGelu, lh, bt * h);
            Ops.matmulBackward(d.ln2, lc, grads, layout.block(l, FC_W), layout.block(l, FC_B),
                    d.fch, lh, a.ln2, lc, params, layout.block(l, FC_W), bt, c, h);
            Ops.layerNormBackward(d.residual2, lc, grads, layout.block(l, LN2_W), layout.block(l, LN2_B), d.ln2, lc,
                    a.residual2, lc, params, layout.block(l, LN2_W), a.ln2Mean, a.ln2Rstd, lstat, bt, c);
            Ops.residualBackward(dresidual, residualOff, d.attproj, lc, d.residual2, lc, bt * c);
            Ops.matmulBackward(d.atty, lc, grads, layout.block(l, PROJ_W), layout.block(l, PROJ_B),
                    d.attproj, lc, a.atty, lc, params, layout.block(l, PROJ_W), bt, c, c);
            Ops.attentionBackward(d.qkv, l * bt * 3 * c, d.att, d.preatt, latt, d.atty, lc,
                    a.qkv, l * bt * 3 * c, a.att, batch, time, c, nh);
            Ops.matmulBackward(d.ln1, lc, grads, layout.block(l, QKV_W), layout.block(l, QKV_B),
                    d.qkv, l * bt * 3 * c, a.ln1, lc, params, layout.block(l, QKV_W), bt, c, 3 * c);
            Ops.layerNormBackward(dresidual, residualOff, grads, layout.block(l, LN1_W), layout.block(l, LN1_B), d.ln1, lc,
                    residual, residualOff, params, layout.block(l, LN1_W), a.ln1Mean, a.ln1Rstd, lstat, bt, c);
        }
        Ops.encoderBackward(grads, layout.wte, layout.wpe, d.encoded, a.tokens(), 0, batch, time, c);
    }

    // ------------------------------------------------------------------ activations

    /** Every intermediate of one forward pass, laid out [layer][batch][time][...]. */
    public static final class Activations {
        public final int batch;
        public final int time;
        final int[] tokenCopy;
        public final float[] encoded;
        public final float[] ln1;
        public final float[] ln1Mean;
        public final float[] ln1Rstd;
        public final float[] qkv;
        public final float[] atty;
        public final float[] preatt;
        /** Attention weights [layer][batch][head][query][key]; rows sum to 1, zero above the diagonal. */
        public final float[] att;
        public final float[] attproj;
        /** The residual stream after each attention sub-layer. */
        public final float[] residual2;
        public final float[] ln2;
        public final float[] ln2Mean;
        public final float[] ln2Rstd;
        public final float[] fch;
        /** MLP activations after GELU [layer][batch][time][hidden]. */
        public final float[] fchGelu;
        public final float[] fcproj;
        /** The residual stream after each block. */
        public final float[] residual3;
        public final float[] lnf;
        public final float[] lnfMean;
        public final float[] lnfRstd;
        public final float[] logits;
        /** Next-token distributions [batch][time][vocab]. */
        public final float[] probs;

        Activations(GptConfig config, int batch, int time) {
            this.batch = batch;
            this.time = time;
            int l = config.layers();
            int bt = batch * time;
            int c = config.width();
            int h = config.hidden();
            int att = l * batch * config.heads() * time * time;
            tokenCopy = new int[bt];
            encoded = new float[bt * c];
            ln1 = new float[l * bt * c];
            ln1Mean = new float[l * bt];
            ln1Rstd = new float[l * bt];
            qkv = new float[l * bt * 3 * c];
            atty = new float[l * bt * c];
            preatt = new float[att];
            this.att = new float[att];
            attproj = new float[l * bt * c];
            residual2 = new float[l * bt * c];
            ln2 = new float[l * bt * c];
            ln2Mean = new float[l * bt];
            ln2Rstd = new float[l * bt];
            fch = new float[l * bt * h];
            fchGelu = new float[l * bt * h];
            fcproj = new float[l * bt * c];
            residual3 = new float[l * bt * c];
            lnf = new float[bt * c];
            lnfMean = new float[bt];
            lnfRstd = new float[bt];
            logits = new float[bt * config.vocabSize()];
            probs = new float[bt * config.vocabSize()];
        }

        /** The tokens of the forward pass. */
        public int[] tokens() {
            return tokenCopy;
        }

        /**
         * Zeroes the gradients that backward kernels add into; the attention matrices and the logits'
         * gradients are written whole, so they need no zeroing.
         */
        void clear() {
            float[][] arrays = {encoded, ln1, qkv, atty, attproj, residual2, ln2, fch, fchGelu, fcproj, residual3, lnf};
            java.util.stream.IntStream.range(0, arrays.length).parallel().forEach(i -> Arrays.fill(arrays[i], 0f));
        }
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller: deterministic for a seed, unlike a shared java.util.Random across threads.
        double u1 = random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(1.0 - u1)) * Math.cos(2.0 * Math.PI * u2);
    }
}
