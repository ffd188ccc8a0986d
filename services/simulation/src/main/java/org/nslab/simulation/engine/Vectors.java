package org.nslab.simulation.engine;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Element-wise kernels on SIMD vectors: softmax rows, GELU, scaling. Sums run lane by lane and then
 * across lanes in a fixed order, so results are the same on every run.
 */
final class Vectors {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    static final float GELU_SCALE = (float) Math.sqrt(2.0 / Math.PI);
    static final float GELU_CUBE = 0.044715f;

    private Vectors() {
    }

    /** x[off .. off+n) *= s. */
    static void scale(float[] x, int off, int n, float s) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector.fromArray(S, x, off + i).mul(s).intoArray(x, off + i);
        }
        for (; i < n; i++) {
            x[off + i] *= s;
        }
    }

    /** out[i] = x[i] · s. */
    static void scaleInto(float[] out, int outOff, float[] x, int xOff, int n, float s) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector.fromArray(S, x, xOff + i).mul(s).intoArray(out, outOff + i);
        }
        for (; i < n; i++) {
            out[outOff + i] = x[xOff + i] * s;
        }
    }

    /** out = softmax(x) over n elements. */
    static void softmax(float[] out, int outOff, float[] x, int xOff, int n) {
        int bound = S.loopBound(n);
        int i = 0;
        float max = Float.NEGATIVE_INFINITY;
        if (bound > 0) {
            FloatVector m = FloatVector.fromArray(S, x, xOff);
            for (i = L; i < bound; i += L) {
                m = m.max(FloatVector.fromArray(S, x, xOff + i));
            }
            max = m.reduceLanes(VectorOperators.MAX);
        }
        for (; i < n; i++) {
            max = Math.max(max, x[xOff + i]);
        }
        FloatVector sums = FloatVector.zero(S);
        i = 0;
        for (; i < bound; i += L) {
            FloatVector e = FloatVector.fromArray(S, x, xOff + i).sub(max).lanewise(VectorOperators.EXP);
            e.intoArray(out, outOff + i);
            sums = sums.add(e);
        }
        float sum = sums.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            float e = (float) Math.exp(x[xOff + i] - max);
            out[outOff + i] = e;
            sum += e;
        }
        scale(out, outOff, n, 1f / sum);
    }

    /** dx[i] = p[i] · (dp[i] - sum_j p[j] dp[j]): the gradient through a softmax row. */
    static void softmaxBackward(float[] dx, int dxOff, float[] p, int pOff, float[] dp, int dpOff, int n) {
        int bound = S.loopBound(n);
        FloatVector acc = FloatVector.zero(S);
        int i = 0;
        for (; i < bound; i += L) {
            acc = FloatVector.fromArray(S, p, pOff + i).fma(FloatVector.fromArray(S, dp, dpOff + i), acc);
        }
        float weighted = acc.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            weighted += p[pOff + i] * dp[dpOff + i];
        }
        i = 0;
        for (; i < bound; i += L) {
            FloatVector.fromArray(S, dp, dpOff + i).sub(weighted).mul(FloatVector.fromArray(S, p, pOff + i))
                    .intoArray(dx, dxOff + i);
        }
        for (; i < n; i++) {
            dx[dxOff + i] = p[pOff + i] * (dp[dpOff + i] - weighted);
        }
    }

    /** GELU, tanh approximation (as GPT-2): out = 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))). */
    static void gelu(float[] out, int outOff, float[] x, int xOff, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector v = FloatVector.fromArray(S, x, xOff + i);
            FloatVector inner = v.mul(v).mul(GELU_CUBE * GELU_SCALE).add(GELU_SCALE).mul(v);
            FloatVector t = inner.lanewise(VectorOperators.TANH);
            v.mul(0.5f).mul(t.add(1f)).intoArray(out, outOff + i);
        }
        for (; i < n; i++) {
            float v = x[xOff + i];
            float t = (float) Math.tanh(GELU_SCALE * (v + GELU_CUBE * v * v * v));
            out[outOff + i] = 0.5f * v * (1f + t);
        }
    }

    /** dx += GELU'(x) · dout, with sech² = 1 − tanh². */
    static void geluBackward(float[] dx, int dxOff, float[] x, int xOff, float[] dout, int doutOff, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector v = FloatVector.fromArray(S, x, xOff + i);
            FloatVector v2 = v.mul(v);
            FloatVector t = v2.mul(GELU_CUBE * GELU_SCALE).add(GELU_SCALE).mul(v).lanewise(VectorOperators.TANH);
            FloatVector sech2 = t.mul(t).neg().add(1f);
            // 0.5·(1 + t) + 0.5·x·sech²·√(2/π)·(1 + 3·0.044715·x²)
            FloatVector slope = v2.mul(3f * GELU_CUBE * GELU_SCALE).add(GELU_SCALE).mul(sech2).mul(v);
            FloatVector grad = t.add(1f).add(slope).mul(0.5f);
            grad.fma(FloatVector.fromArray(S, dout, doutOff + i), FloatVector.fromArray(S, dx, dxOff + i))
                    .intoArray(dx, dxOff + i);
        }
        for (; i < n; i++) {
            float v = x[xOff + i];
            float t = (float) Math.tanh(GELU_SCALE * (v + GELU_CUBE * v * v * v));
            float sech2 = 1f - t * t;
            float grad = 0.5f * (1f + t) + 0.5f * v * sech2 * GELU_SCALE * (1f + 3f * GELU_CUBE * v * v);
            dx[dxOff + i] += grad * dout[doutOff + i];
        }
    }

    /** One row of LayerNorm: out = (x − mean)·rstd·w + b; stores mean and rstd at {@code stat}. */
    static void layerNormRow(float[] out, int outOff, float[] mean, float[] rstd, int stat, float[] x, int xOff,
                             float[] params, int weight, int bias, int n, float eps) {
        int bound = S.loopBound(n);
        FloatVector acc = FloatVector.zero(S);
        int i = 0;
        for (; i < bound; i += L) {
            acc = acc.add(FloatVector.fromArray(S, x, xOff + i));
        }
        float sum = acc.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            sum += x[xOff + i];
        }
        float m = sum / n;
        acc = FloatVector.zero(S);
        for (i = 0; i < bound; i += L) {
            FloatVector d = FloatVector.fromArray(S, x, xOff + i).sub(m);
            acc = d.fma(d, acc);
        }
        float var = acc.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            float d = x[xOff + i] - m;
            var += d * d;
        }
        float s = (float) (1.0 / Math.sqrt(var / n + eps));
        for (i = 0; i < bound; i += L) {
            FloatVector.fromArray(S, x, xOff + i).sub(m).mul(s)
                    .fma(FloatVector.fromArray(S, params, weight + i), FloatVector.fromArray(S, params, bias + i))
                    .intoArray(out, outOff + i);
        }
        for (; i < n; i++) {
            out[outOff + i] = (x[xOff + i] - m) * s * params[weight + i] + params[bias + i];
        }
        mean[stat] = m;
        rstd[stat] = s;
    }

    /** One row of LayerNorm's backward pass: dx += …; gain and bias gradients added into {@code dw}, {@code db}. */
    static void layerNormBackwardRow(float[] dx, int dxOff, float[] g, int dw, int db, float[] dout, int doutOff,
                                     float[] x, int xOff, float[] params, int weight, float m, float s, int n) {
        int bound = S.loopBound(n);
        FloatVector accMean = FloatVector.zero(S);
        FloatVector accNorm = FloatVector.zero(S);
        int i = 0;
        for (; i < bound; i += L) {
            FloatVector norm = FloatVector.fromArray(S, x, xOff + i).sub(m).mul(s);
            FloatVector d = FloatVector.fromArray(S, dout, doutOff + i);
            FloatVector dnorm = FloatVector.fromArray(S, params, weight + i).mul(d);
            accMean = accMean.add(dnorm);
            accNorm = dnorm.fma(norm, accNorm);
            FloatVector.fromArray(S, g, db + i).add(d).intoArray(g, db + i);
            norm.fma(d, FloatVector.fromArray(S, g, dw + i)).intoArray(g, dw + i);
        }
        float dnormMean = accMean.reduceLanes(VectorOperators.ADD);
        float dnormNormMean = accNorm.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            float norm = (x[xOff + i] - m) * s;
            float d = dout[doutOff + i];
            float dnorm = params[weight + i] * d;
            dnormMean += dnorm;
            dnormNormMean += dnorm * norm;
            g[db + i] += d;
            g[dw + i] += norm * d;
        }
        dnormMean /= n;
        dnormNormMean /= n;
        for (i = 0; i < bound; i += L) {
            FloatVector norm = FloatVector.fromArray(S, x, xOff + i).sub(m).mul(s);
            FloatVector dnorm = FloatVector.fromArray(S, params, weight + i).mul(FloatVector.fromArray(S, dout, doutOff + i));
            dnorm.sub(dnormMean).sub(norm.mul(dnormNormMean)).mul(s)
                    .add(FloatVector.fromArray(S, dx, dxOff + i)).intoArray(dx, dxOff + i);
        }
        for (; i < n; i++) {
            float norm = (x[xOff + i] - m) * s;
            float dnorm = params[weight + i] * dout[doutOff + i];
            dx[dxOff + i] += (dnorm - dnormMean - norm * dnormNormMean) * s;
        }
    }
}
