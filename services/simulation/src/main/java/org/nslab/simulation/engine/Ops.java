package org.nslab.simulation.engine;

import java.util.stream.IntStream;

/**
 * The kernels of the GPT, forward and backward, on flat row-major {@code float} arrays addressed by
 * an offset. Backward kernels add into their gradient arrays ({@code +=}), so gradients of a tensor
 * used twice (the tied embedding) accumulate.
 *
 * <p>Every sum runs in a fixed order inside one task and tasks never share an output element, so the
 * results do not depend on the number of threads: the same seed gives the same losses.
 */
public final class Ops {

    /** Rows below this many multiply-adds run on the calling thread; parallelism costs more than it gains. */
    private static final long PARALLEL_WORK = 32_768;

    private Ops() {
    }

    // ------------------------------------------------------------------ embeddings

    /** out[b,t,:] = wte[token[b,t],:] + wpe[t,:]. */
    public static void encoderForward(float[] out, int[] tokens, int tokenOffset, float[] params, int wte, int wpe,
                                      int batch, int time, int channels) {
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < time; t++) {
                int o = (b * time + t) * channels;
                int e = wte + tokens[tokenOffset + b * time + t] * channels;
                int p = wpe + t * channels;
                for (int c = 0; c < channels; c++) {
                    out[o + c] = params[e + c] + params[p + c];
                }
            }
        }
    }

    public static void encoderBackward(float[] grads, int wte, int wpe, float[] dout, int[] tokens, int tokenOffset,
                                       int batch, int time, int channels) {
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < time; t++) {
                int o = (b * time + t) * channels;
                int e = wte + tokens[tokenOffset + b * time + t] * channels;
                int p = wpe + t * channels;
                for (int c = 0; c < channels; c++) {
                    grads[e + c] += dout[o + c];
                    grads[p + c] += dout[o + c];
                }
            }
        }
    }

    // ------------------------------------------------------------------ layer normalization

    public static final float LN_EPS = 1e-5f;

    /** Rows per task of the row-wise kernels; fixed, so partial sums are added in the same order on every run. */
    private static final int ROW_BLOCK = 64;

    /** Normalizes each of {@code rows} rows of {@code channels}; keeps mean and 1/std for the backward pass. */
    public static void layerNormForward(float[] out, int outOff, float[] mean, float[] rstd, int statOff,
                                        float[] inp, int inpOff, float[] params, int weight, int bias,
                                        int rows, int channels) {
        forRows((rows + ROW_BLOCK - 1) / ROW_BLOCK, (long) ROW_BLOCK * channels, block -> {
            int end = Math.min(rows, (block + 1) * ROW_BLOCK);
            for (int r = block * ROW_BLOCK; r < end; r++) {
                Vectors.layerNormRow(out, outOff + r * channels, mean, rstd, statOff + r, inp, inpOff + r * channels,
                        params, weight, bias, channels, LN_EPS);
            }
        });
    }

    /**
     * Gradients of {@link #layerNormForward}. The gain and bias gradients are summed per block of rows
     * and the blocks then added in order, so the sums do not depend on threads.
     */
    public static void layerNormBackward(float[] dinp, int dinpOff, float[] grads, int dweight, int dbias,
                                         float[] dout, int doutOff, float[] inp, int inpOff, float[] params, int weight,
                                         float[] mean, float[] rstd, int statOff, int rows, int channels) {
        int blocks = (rows + ROW_BLOCK - 1) / ROW_BLOCK;
        float[] partial = new float[blocks * 2 * channels];
        forRows(blocks, (long) ROW_BLOCK * channels * 2, block -> {
            int end = Math.min(rows, (block + 1) * ROW_BLOCK);
            int pw = block * 2 * channels;
            for (int r = block * ROW_BLOCK; r < end; r++) {
                Vectors.layerNormBackwardRow(dinp, dinpOff + r * channels, partial, pw, pw + channels,
                        dout, doutOff + r * channels, inp, inpOff + r * channels, params, weight,
                        mean[statOff + r], rstd[statOff + r], channels);
            }
        });
        for (int block = 0; block < blocks; block++) {
            int pw = block * 2 * channels;
            for (int c = 0; c < channels; c++) {
                grads[dweight + c] += partial[pw + c];
                grads[dbias + c] += partial[pw + channels + c];
            }
        }
    }

    // ------------------------------------------------------------------ matrix product

    /**
     * out[n, o] = bias[o] + sum_c inp[n, c] * w[o, c]: rows of {@code inp} times the transposed
     * weight ({@code outChannels × inChannels}, as PyTorch's Linear stores it). {@code bias < 0}: none.
     */
    public static void matmulForward(float[] out, int outOff, float[] inp, int inpOff, float[] params, int weight, int bias,
                                     int rows, int inChannels, int outChannels) {
        MatMul.forward(out, outOff, inp, inpOff, params, weight, params, bias, rows, inChannels, outChannels);
    }

    /** Gradients of {@link #matmulForward}: into {@code dinp} (may be null), the weight and the bias. */
    public static void matmulBackward(float[] dinp, int dinpOff, float[] grads, int dweight, int dbias,
                                      float[] dout, int doutOff, float[] inp, int inpOff, float[] params, int weight,
                                      int rows, int inChannels, int outChannels) {
        if (dinp != null) {
            MatMul.backwardInput(dinp, dinpOff, dout, doutOff, params, weight, rows, inChannels, outChannels);
        }
        MatMul.backwardWeight(grads, dweight, dbias, dout, doutOff, inp, inpOff, rows, inChannels, outChannels);
    }

    // ------------------------------------------------------------------ causal self-attention

    /**
     * Multi-head causal self-attention. {@code qkv} holds per position [q | k | v], each {@code channels}
     * wide and split into {@code heads} heads. Keeps the scores ({@code preatt}) and the attention
     * weights ({@code att}, rows sum to 1, zero above the diagonal) for backward and inspection.
     * Each (sequence, head) runs two matrix products that read its queries, keys and values in place
     * and skip the masked upper triangle.
     */
    public static void attentionForward(float[] out, int outOff, float[] preatt, float[] att, int attOff,
                                        float[] qkv, int qkvOff, int batch, int time, int channels, int heads) {
        int hs = channels / heads;
        float scale = (float) (1.0 / Math.sqrt(hs));
        int c3 = 3 * channels;
        forRows(batch * heads, (long) time * time * hs, bh -> {
            int b = bh / heads;
            int h = bh % heads;
            int q = qkvOff + b * time * c3 + h * hs;
            int row0 = attOff + (b * heads + h) * time * time;
            // scores = q · kᵀ (lower triangle)
            java.util.Arrays.fill(preatt, row0, row0 + time * time, 0f);
            Gemm.multiply(preatt, row0, time, qkv, q, c3, 1, qkv, q + channels, 1, c3,
                    time, time, hs, Gemm.Shape.C_LOWER, false);
            for (int t = 0; t < time; t++) {
                int row = row0 + t * time;
                Vectors.scale(preatt, row, t + 1, scale);
                Vectors.softmax(att, row, preatt, row, t + 1);
                java.util.Arrays.fill(att, row + t + 1, row + time, 0f);
                java.util.Arrays.fill(preatt, row + t + 1, row + time, 0f);
            }
            // y = att · v, written into this head's columns of the output
            int y = outOff + b * time * channels + h * hs;
            for (int t = 0; t < time; t++) {
                java.util.Arrays.fill(out, y + t * channels, y + t * channels + hs, 0f);
            }
            Gemm.multiply(out, y, channels, att, row0, time, 1, qkv, q + 2 * channels, c3, 1,
                    time, hs, time, Gemm.Shape.A_LOWER, false);
        });
    }

    public static void attentionBackward(float[] dqkv, int dqkvOff, float[] datt, float[] dpreatt, int attOff,
                                         float[] dout, int doutOff, float[] qkv, int qkvOff, float[] att,
                                         int batch, int time, int channels, int heads) {
        int hs = channels / heads;
        float scale = (float) (1.0 / Math.sqrt(hs));
        int c3 = 3 * channels;
        // Each (sequence, head) writes only its own slice of dqkv: safe to run in parallel.
        forRows(batch * heads, (long) time * time * hs * 2, bh -> {
            int b = bh / heads;
            int h = bh % heads;
            int q = qkvOff + b * time * c3 + h * hs;
            int dq = dqkvOff + b * time * c3 + h * hs;
            int dy = doutOff + b * time * channels + h * hs;
            int row0 = attOff + (b * heads + h) * time * time;
            float[] dscores = SCORES.get();
            if (dscores.length < time * time) {
                dscores = new float[time * time];
                SCORES.set(dscores);
            }
            // datt = dy · vᵀ (lower triangle); dv += attᵀ · dy
            java.util.Arrays.fill(datt, row0, row0 + time * time, 0f);
            Gemm.multiply(datt, row0, time, dout, dy, channels, 1, qkv, q + 2 * channels, 1, c3,
                    time, time, hs, Gemm.Shape.C_LOWER, false);
            Gemm.multiply(dqkv, dq + 2 * channels, c3, att, row0, 1, time, dout, dy, channels, 1,
                    time, hs, time, Gemm.Shape.A_UPPER, false);
            // softmax: dpre[t3] = att[t3] · (datt[t3] - sum_t2 att[t2] datt[t2]), scaled for the q·k product
            for (int t = 0; t < time; t++) {
                int row = row0 + t * time;
                java.util.Arrays.fill(datt, row + t + 1, row + time, 0f);
                Vectors.softmaxBackward(dpreatt, row, att, row, datt, row, t + 1);
                Vectors.scaleInto(dscores, t * time, dpreatt, row, t + 1, scale);
                java.util.Arrays.fill(dscores, t * time + t + 1, (t + 1) * time, 0f);
            }
            // dq += dscores · k; dk += dscoresᵀ · q
            Gemm.multiply(dqkv, dq, c3, dscores, 0, time, 1, qkv, q + channels, c3, 1,
                    time, hs, time, Gemm.Shape.A_LOWER, false);
            Gemm.multiply(dqkv, dq + channels, c3, dscores, 0, 1, time, qkv, q, c3, 1,
                    time, hs, time, Gemm.Shape.A_UPPER, false);
        });
    }

    private static final ThreadLocal<float[]> SCORES = ThreadLocal.withInitial(() -> new float[0]);

    // ------------------------------------------------------------------ GELU (tanh approximation, as GPT-2)

    private static final int CHUNK = 8192;

    public static void geluForward(float[] out, int outOff, float[] inp, int inpOff, int n) {
        forRows((n + CHUNK - 1) / CHUNK, CHUNK * 4L, chunk -> {
            int from = chunk * CHUNK;
            Vectors.gelu(out, outOff + from, inp, inpOff + from, Math.min(CHUNK, n - from));
        });
    }

    public static void geluBackward(float[] dinp, int dinpOff, float[] inp, int inpOff, float[] dout, int doutOff, int n) {
        forRows((n + CHUNK - 1) / CHUNK, CHUNK * 4L, chunk -> {
            int from = chunk * CHUNK;
            Vectors.geluBackward(dinp, dinpOff + from, inp, inpOff + from, dout, doutOff + from, Math.min(CHUNK, n - from));
        });
    }

    // ------------------------------------------------------------------ residual

    public static void residualForward(float[] out, int outOff, float[] a, int aOff, float[] b, int bOff, int n) {
        forRows((n + CHUNK - 1) / CHUNK, CHUNK, chunk -> {
            for (int i = chunk * CHUNK, end = Math.min(n, (chunk + 1) * CHUNK); i < end; i++) {
                out[outOff + i] = a[aOff + i] + b[bOff + i];
            }
        });
    }

    /** Adds {@code dout} into both inputs' gradients. */
    public static void residualBackward(float[] da, int daOff, float[] db, int dbOff, float[] dout, int doutOff, int n) {
        forRows((n + CHUNK - 1) / CHUNK, CHUNK, chunk -> {
            for (int i = chunk * CHUNK, end = Math.min(n, (chunk + 1) * CHUNK); i < end; i++) {
                da[daOff + i] += dout[doutOff + i];
                db[dbOff + i] += dout[doutOff + i];
            }
        });
    }

    // ------------------------------------------------------------------ softmax and cross-entropy

    /** Probabilities of each row of logits (in place into {@code probs}). */
    public static void softmaxForward(float[] probs, float[] logits, int rows, int vocab) {
        forRows(rows, vocab * 4L, r -> Vectors.softmax(probs, r * vocab, logits, r * vocab, vocab));
    }

    /** Mean over rows of -log p(target). */
    public static double crossEntropy(float[] probs, int[] targets, int targetOffset, int rows, int vocab) {
        double sum = 0;
        for (int r = 0; r < rows; r++) {
            sum -= Math.log(Math.max(probs[r * vocab + targets[targetOffset + r]], 1e-30f));
        }
        return sum / rows;
    }

    /** d(mean loss)/d(logits) = (p - onehot) / rows, written over {@code probs}' copy in {@code dlogits}. */
    public static void crossEntropySoftmaxBackward(float[] dlogits, float[] probs, int[] targets, int targetOffset,
                                                   int rows, int vocab) {
        float scale = 1f / rows;
        forRows(rows, vocab, r -> {
            int o = r * vocab;
            int target = targets[targetOffset + r];
            for (int i = 0; i < vocab; i++) {
                dlogits[o + i] = (probs[o + i] - (i == target ? 1f : 0f)) * scale;
            }
        });
    }

    // ------------------------------------------------------------------ vector helpers

    /** Dot product with four independent sums, so the JIT can keep the multiply-add units busy. */
    static float dot(float[] a, int aOff, float[] b, int bOff, int n) {
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[aOff + i] * b[bOff + i];
            s1 += a[aOff + i + 1] * b[bOff + i + 1];
            s2 += a[aOff + i + 2] * b[bOff + i + 2];
            s3 += a[aOff + i + 3] * b[bOff + i + 3];
        }
        for (; i < n; i++) {
            s0 += a[aOff + i] * b[bOff + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** y += alpha * x. */
    static void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] += alpha * x[xOff + i];
        }
    }

    interface RowTask {
        void run(int row);
    }

    /** Runs {@code task} for every row, on all cores when there is enough work. */
    static void forRows(int rows, long workPerRow, RowTask task) {
        if (rows > 1 && rows * workPerRow >= PARALLEL_WORK) {
            IntStream.range(0, rows).parallel().forEach(task::run);
        } else {
            for (int r = 0; r < rows; r++) {
                task.run(r);
            }
        }
    }
}
