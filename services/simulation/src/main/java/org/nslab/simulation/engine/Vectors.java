package org.nslab.simulation.engine;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Element-wise kernels on SIMD vectors: softmax rows, GELU, LayerNorm rows, scaling.
 *
 * <p>Deterministic in every JIT tier: the Vector API's compiled code and its Java fallback (used
 * before compilation) differ in the order of {@code reduceLanes(ADD)} and in the transcendental
 * {@code lanewise} operations, so this class adds lanes in lane order ({@link #sum}) and computes exp
 * and tanh with its own polynomial ({@link #exp}) from exactly rounded operations only. A run resumed
 * in a fresh process then trains bit for bit as it would have without the interruption.
 */
final class Vectors {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    static final float GELU_SCALE = (float) Math.sqrt(2.0 / Math.PI);
    static final float GELU_CUBE = 0.044715f;

    private static final float LOG2E = 1.44269504088896341f;
    private static final float LN2_HI = 0.693145751953125f;
    private static final float LN2_LO = 1.428606765330187045e-06f;
    /** 1.5 · 2^23: adding it rounds a float of magnitude below 2^22 to an integer. */
    private static final float ROUND = 12582912f;
    private static final int ROUND_BITS = 0x4B400000;
    private static final float EXP_MIN = -87.3f;
    private static final float EXP_MAX = 88f;

    private Vectors() {
    }

    /** The lanes' sum in lane order. */
    static float sum(FloatVector v) {
        float[] lanes = v.toArray();
        float s = 0f;
        for (float lane : lanes) {
            s += lane;
        }
        return s;
    }

    /**
     * e^x lane by lane: x = n·ln 2 + r with |r| ≤ ln 2 / 2, e^r by its Taylor polynomial of degree 7
     * (relative error below 1e-7), times 2^n built in the exponent bits. Arguments are clamped to
     * [−87.3, 88], where the result is a normal float.
     */
    static FloatVector exp(FloatVector x) {
        FloatVector c = x.max(EXP_MIN).min(EXP_MAX);
        FloatVector t = c.mul(LOG2E).add(ROUND);
        FloatVector n = t.sub(ROUND);
        FloatVector r = n.fma(FloatVector.broadcast(S, -LN2_HI), c);
        r = n.fma(FloatVector.broadcast(S, -LN2_LO), r);
        FloatVector p = r.fma(FloatVector.broadcast(S, 1f / 5040), FloatVector.broadcast(S, 1f / 720));
        p = p.fma(r, FloatVector.broadcast(S, 1f / 120));
        p = p.fma(r, FloatVector.broadcast(S, 1f / 24));
        p = p.fma(r, FloatVector.broadcast(S, 1f / 6));
        p = p.fma(r, FloatVector.broadcast(S, 0.5f));
        p = p.fma(r, FloatVector.broadcast(S, 1f));
        p = p.fma(r, FloatVector.broadcast(S, 1f));
        FloatVector scale = t.reinterpretAsInts().sub(ROUND_BITS - 127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        return p.mul(scale);
    }

    /** The same e^x as {@link #exp(FloatVector)} for one number, operation for operation. */
    static float exp(float x) {
        float c = Math.min(Math.max(x, EXP_MIN), EXP_MAX);
        float t = c * LOG2E + ROUND;
        float n = t - ROUND;
        float r = Math.fma(n, -LN2_HI, c);
        r = Math.fma(n, -LN2_LO, r);
        float p = Math.fma(r, 1f / 5040, 1f / 720);
        p = Math.fma(p, r, 1f / 120);
        p = Math.fma(p, r, 1f / 24);
        p = Math.fma(p, r, 1f / 6);
        p = Math.fma(p, r, 0.5f);
        p = Math.fma(p, r, 1f);
        p = Math.fma(p, r, 1f);
        return p * Float.intBitsToFloat((Float.floatToRawIntBits(t) - (ROUND_BITS - 127)) << 23);
    }

    /** tanh(x) = 1 − 2 / (e^{2x} + 1). */
    static FloatVector tanh(FloatVector x) {
        return FloatVector.broadcast(S, -2f).div(exp(x.add(x)).add(1f)).add(1f);
    }

    static float tanh(float x) {
        return -2f / (exp(x + x) + 1f) + 1f;
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
            FloatVector e = exp(FloatVector.fromArray(S, x, xOff + i).sub(max));
            e.intoArray(out, outOff + i);
            sums = sums.add(e);
        }
        float sum = sum(sums);
        for (; i < n; i++) {
            float e = exp(x[xOff + i] - max);
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
        float weighted = sum(acc);
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
            FloatVector t = tanh(inner);
            v.mul(0.5f).mul(t.add(1f)).intoArray(out, outOff + i);
        }
        for (; i < n; i++) {
            float v = x[xOff + i];
            float t = tanh((v * v * (GELU_CUBE * GELU_SCALE) + GELU_SCALE) * v);
            out[outOff + i] = 0.5f * v * (1f + t);
        }
    }

    /** dx += GELU'(x) · dout, with sech² = 1 − tanh². */
    static void geluBackward(float[] dx, int dxOff, float[] x, int xOff, float[] dout, int doutOff, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector v = FloatVector.fromArray(S, x, xOff + i);
            FloatVector v2 = v.mul(v);
            FloatVector t = tanh(v2.mul(GELU_CUBE * GELU_SCALE).add(GELU_SCALE).mul(v));
            FloatVector sech2 = t.mul(t).neg().add(1f);
            // 0.5·(1 + t) + 0.5·x·sech²·√(2/π)·(1 + 3·0.044715·x²)
            FloatVector slope = v2.mul(3f * GELU_CUBE * GELU_SCALE).add(GELU_SCALE).mul(sech2).mul(v);
            FloatVector grad = t.add(1f).add(slope).mul(0.5f);
            grad.fma(FloatVector.fromArray(S, dout, doutOff + i), FloatVector.fromArray(S, dx, dxOff + i))
                    .intoArray(dx, dxOff + i);
        }
        for (; i < n; i++) {
            float v = x[xOff + i];
            float t = tanh((v * v * (GELU_CUBE * GELU_SCALE) + GELU_SCALE) * v);
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
        float sum = sum(acc);
        for (; i < n; i++) {
            sum += x[xOff + i];
        }
        float m = sum / n;
        acc = FloatVector.zero(S);
        for (i = 0; i < bound; i += L) {
            FloatVector d = FloatVector.fromArray(S, x, xOff + i).sub(m);
            acc = d.fma(d, acc);
        }
        float var = sum(acc);
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
        float dnormMean = sum(accMean);
        float dnormNormMean = sum(accNorm);
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
