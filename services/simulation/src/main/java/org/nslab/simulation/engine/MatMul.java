package org.nslab.simulation.engine;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Register-blocked matrix products on SIMD vectors (the JDK Vector API): each inner step loads a
 * few vectors and does many fused multiply-adds on accumulators that stay in registers, instead of
 * reading and writing memory for every multiply-add. Needs {@code --add-modules jdk.incubator.vector}.
 *
 * <p>Shapes as in {@link Ops#matmulForward}: {@code inp} is rows × in, {@code w} is out × in.
 * Every output element is produced by one task in a fixed order, so results do not depend on threads.
 */
final class MatMul {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private MatMul() {
    }

    /** out[n, o] = bias[o] + inp[n, :] · w[o, :], four rows and four outputs at a time. */
    static void forward(float[] out, int outOff, float[] inp, int inpOff, float[] w, int wOff, float[] bias, int biasOff,
                        int rows, int in, int outC) {
        Ops.forRows((rows + 3) / 4, 4L * in * outC,
                block -> forwardBlock(block, out, outOff, inp, inpOff, w, wOff, bias, biasOff, rows, in, outC));
    }

    private static void forwardBlock(int block, float[] out, int outOff, float[] inp, int inpOff, float[] w, int wOff,
                                     float[] bias, int biasOff, int rows, int in, int outC) {
        int n0 = block * 4;
        int nr = Math.min(4, rows - n0);
        if (nr < 4) {
            for (int n = n0; n < rows; n++) {
                for (int o = 0; o < outC; o++) {
                    float s = Ops.dot(inp, inpOff + n * in, w, wOff + o * in, in);
                    out[outOff + n * outC + o] = biasOff >= 0 ? s + bias[biasOff + o] : s;
                }
            }
            return;
        }
        int x0 = inpOff + n0 * in;
        int x1 = x0 + in;
        int x2 = x1 + in;
        int x3 = x2 + in;
        int bound = S.loopBound(in);
        int o = 0;
        for (; o + 3 < outC; o += 4) {
            int w0 = wOff + o * in;
            int w1 = w0 + in;
            int w2 = w1 + in;
            int w3 = w2 + in;
            FloatVector a00 = FloatVector.zero(S), a01 = FloatVector.zero(S), a02 = FloatVector.zero(S), a03 = FloatVector.zero(S);
            FloatVector a10 = FloatVector.zero(S), a11 = FloatVector.zero(S), a12 = FloatVector.zero(S), a13 = FloatVector.zero(S);
            FloatVector a20 = FloatVector.zero(S), a21 = FloatVector.zero(S), a22 = FloatVector.zero(S), a23 = FloatVector.zero(S);
            FloatVector a30 = FloatVector.zero(S), a31 = FloatVector.zero(S), a32 = FloatVector.zero(S), a33 = FloatVector.zero(S);
            for (int c = 0; c < bound; c += L) {
                FloatVector v0 = FloatVector.fromArray(S, w, w0 + c);
                FloatVector v1 = FloatVector.fromArray(S, w, w1 + c);
                FloatVector v2 = FloatVector.fromArray(S, w, w2 + c);
                FloatVector v3 = FloatVector.fromArray(S, w, w3 + c);
                FloatVector i0 = FloatVector.fromArray(S, inp, x0 + c);
                a00 = i0.fma(v0, a00);
                a01 = i0.fma(v1, a01);
                a02 = i0.fma(v2, a02);
                a03 = i0.fma(v3, a03);
                FloatVector i1 = FloatVector.fromArray(S, inp, x1 + c);
                a10 = i1.fma(v0, a10);
                a11 = i1.fma(v1, a11);
                a12 = i1.fma(v2, a12);
                a13 = i1.fma(v3, a13);
                FloatVector i2 = FloatVector.fromArray(S, inp, x2 + c);
                a20 = i2.fma(v0, a20);
                a21 = i2.fma(v1, a21);
                a22 = i2.fma(v2, a22);
                a23 = i2.fma(v3, a23);
                FloatVector i3 = FloatVector.fromArray(S, inp, x3 + c);
                a30 = i3.fma(v0, a30);
                a31 = i3.fma(v1, a31);
                a32 = i3.fma(v2, a32);
                a33 = i3.fma(v3, a33);
            }
            int r = outOff + n0 * outC + o;
            out[r] = finish(a00, inp, x0, w, w0, bound, in, bias, biasOff, o);
            out[r + 1] = finish(a01, inp, x0, w, w1, bound, in, bias, biasOff, o + 1);
            out[r + 2] = finish(a02, inp, x0, w, w2, bound, in, bias, biasOff, o + 2);
            out[r + 3] = finish(a03, inp, x0, w, w3, bound, in, bias, biasOff, o + 3);
            r += outC;
            out[r] = finish(a10, inp, x1, w, w0, bound, in, bias, biasOff, o);
            out[r + 1] = finish(a11, inp, x1, w, w1, bound, in, bias, biasOff, o + 1);
            out[r + 2] = finish(a12, inp, x1, w, w2, bound, in, bias, biasOff, o + 2);
            out[r + 3] = finish(a13, inp, x1, w, w3, bound, in, bias, biasOff, o + 3);
            r += outC;
            out[r] = finish(a20, inp, x2, w, w0, bound, in, bias, biasOff, o);
            out[r + 1] = finish(a21, inp, x2, w, w1, bound, in, bias, biasOff, o + 1);
            out[r + 2] = finish(a22, inp, x2, w, w2, bound, in, bias, biasOff, o + 2);
            out[r + 3] = finish(a23, inp, x2, w, w3, bound, in, bias, biasOff, o + 3);
            r += outC;
            out[r] = finish(a30, inp, x3, w, w0, bound, in, bias, biasOff, o);
            out[r + 1] = finish(a31, inp, x3, w, w1, bound, in, bias, biasOff, o + 1);
            out[r + 2] = finish(a32, inp, x3, w, w2, bound, in, bias, biasOff, o + 2);
            out[r + 3] = finish(a33, inp, x3, w, w3, bound, in, bias, biasOff, o + 3);
        }
        for (; o < outC; o++) {
            for (int i = 0; i < 4; i++) {
                float s = Ops.dot(inp, x0 + i * in, w, wOff + o * in, in);
                out[outOff + (n0 + i) * outC + o] = biasOff >= 0 ? s + bias[biasOff + o] : s;
            }
        }
    }

    /** The sum of an accumulator's lanes, the columns past the last whole vector, and the bias. */
    private static float finish(FloatVector acc, float[] inp, int x, float[] w, int wRow, int bound, int in,
                                float[] bias, int biasOff, int o) {
        float s = acc.reduceLanes(VectorOperators.ADD);
        for (int c = bound; c < in; c++) {
            s += inp[x + c] * w[wRow + c];
        }
        return biasOff >= 0 ? s + bias[biasOff + o] : s;
    }

    /** dinp[n, :] += sum_o dout[n, o] · w[o, :], four rows and two vectors of columns at a time. */
    static void backwardInput(float[] dinp, int dinpOff, float[] dout, int doutOff, float[] w, int wOff,
                              int rows, int in, int outC) {
        Ops.forRows((rows + 3) / 4, 4L * in * outC,
                block -> backwardInputBlock(block, dinp, dinpOff, dout, doutOff, w, wOff, rows, in, outC));
    }

    static void backwardInputSequential(float[] dinp, int dinpOff, float[] dout, int doutOff, float[] w, int wOff,
                                        int rows, int in, int outC) {
        for (int block = 0; block < (rows + 3) / 4; block++) {
            backwardInputBlock(block, dinp, dinpOff, dout, doutOff, w, wOff, rows, in, outC);
        }
    }

    private static void backwardInputBlock(int block, float[] dinp, int dinpOff, float[] dout, int doutOff, float[] w,
                                           int wOff, int rows, int in, int outC) {
        int n0 = block * 4;
        int nr = Math.min(4, rows - n0);
        if (nr < 4) {
            for (int n = n0; n < rows; n++) {
                for (int o = 0; o < outC; o++) {
                    Ops.axpy(dout[doutOff + n * outC + o], w, wOff + o * in, dinp, dinpOff + n * in, in);
                }
            }
            return;
        }
        int d0 = doutOff + n0 * outC;
        int d1 = d0 + outC;
        int d2 = d1 + outC;
        int d3 = d2 + outC;
        int r0 = dinpOff + n0 * in;
        int r1 = r0 + in;
        int r2 = r1 + in;
        int r3 = r2 + in;
        int c = 0;
        for (; c + 2 * L <= in; c += 2 * L) {
            FloatVector a0 = FloatVector.fromArray(S, dinp, r0 + c), b0 = FloatVector.fromArray(S, dinp, r0 + c + L);
            FloatVector a1 = FloatVector.fromArray(S, dinp, r1 + c), b1 = FloatVector.fromArray(S, dinp, r1 + c + L);
            FloatVector a2 = FloatVector.fromArray(S, dinp, r2 + c), b2 = FloatVector.fromArray(S, dinp, r2 + c + L);
            FloatVector a3 = FloatVector.fromArray(S, dinp, r3 + c), b3 = FloatVector.fromArray(S, dinp, r3 + c + L);
            for (int o = 0; o < outC; o++) {
                int wo = wOff + o * in + c;
                FloatVector va = FloatVector.fromArray(S, w, wo);
                FloatVector vb = FloatVector.fromArray(S, w, wo + L);
                FloatVector g0 = FloatVector.broadcast(S, dout[d0 + o]);
                FloatVector g1 = FloatVector.broadcast(S, dout[d1 + o]);
                FloatVector g2 = FloatVector.broadcast(S, dout[d2 + o]);
                FloatVector g3 = FloatVector.broadcast(S, dout[d3 + o]);
                a0 = va.fma(g0, a0);
                b0 = vb.fma(g0, b0);
                a1 = va.fma(g1, a1);
                b1 = vb.fma(g1, b1);
                a2 = va.fma(g2, a2);
                b2 = vb.fma(g2, b2);
                a3 = va.fma(g3, a3);
                b3 = vb.fma(g3, b3);
            }
            a0.intoArray(dinp, r0 + c);
            b0.intoArray(dinp, r0 + c + L);
            a1.intoArray(dinp, r1 + c);
            b1.intoArray(dinp, r1 + c + L);
            a2.intoArray(dinp, r2 + c);
            b2.intoArray(dinp, r2 + c + L);
            a3.intoArray(dinp, r3 + c);
            b3.intoArray(dinp, r3 + c + L);
        }
        if (c < in) {
            int tail = in - c;
            for (int i = 0; i < 4; i++) {
                int d = d0 + i * outC;
                int r = r0 + i * in + c;
                for (int o = 0; o < outC; o++) {
                    Ops.axpy(dout[d + o], w, wOff + o * in + c, dinp, r, tail);
                }
            }
        }
    }

    /**
     * dw[o, :] += sum_n dout[n, o] · inp[n, :] and dbias[o] += sum_n dout[n, o], four outputs and two
     * vectors of columns at a time ({@code dbiasOff < 0}: no bias).
     */
    static void backwardWeight(float[] grads, int dwOff, int dbiasOff, float[] dout, int doutOff, float[] inp, int inpOff,
                               int rows, int in, int outC) {
        Ops.forRows((outC + 3) / 4, 4L * in * rows,
                block -> backwardWeightBlock(block, grads, dwOff, dbiasOff, dout, doutOff, inp, inpOff, rows, in, outC));
    }

    static void backwardWeightSequential(float[] grads, int dwOff, float[] dout, int doutOff, float[] inp, int inpOff,
                                         int rows, int in, int outC) {
        for (int block = 0; block < (outC + 3) / 4; block++) {
            backwardWeightBlock(block, grads, dwOff, -1, dout, doutOff, inp, inpOff, rows, in, outC);
        }
    }

    private static void backwardWeightBlock(int block, float[] grads, int dwOff, int dbiasOff, float[] dout, int doutOff,
                                            float[] inp, int inpOff, int rows, int in, int outC) {
        int o0 = block * 4;
        int or = Math.min(4, outC - o0);
        if (dbiasOff >= 0) {
            for (int j = 0; j < or; j++) {
                float s = 0f;
                for (int n = 0; n < rows; n++) {
                    s += dout[doutOff + n * outC + o0 + j];
                }
                grads[dbiasOff + o0 + j] += s;
            }
        }
        if (or < 4) {
            for (int j = 0; j < or; j++) {
                for (int n = 0; n < rows; n++) {
                    Ops.axpy(dout[doutOff + n * outC + o0 + j], inp, inpOff + n * in, grads, dwOff + (o0 + j) * in, in);
                }
            }
            return;
        }
        int w0 = dwOff + o0 * in;
        int w1 = w0 + in;
        int w2 = w1 + in;
        int w3 = w2 + in;
        int c = 0;
        for (; c + 2 * L <= in; c += 2 * L) {
            FloatVector a0 = FloatVector.fromArray(S, grads, w0 + c), b0 = FloatVector.fromArray(S, grads, w0 + c + L);
            FloatVector a1 = FloatVector.fromArray(S, grads, w1 + c), b1 = FloatVector.fromArray(S, grads, w1 + c + L);
            FloatVector a2 = FloatVector.fromArray(S, grads, w2 + c), b2 = FloatVector.fromArray(S, grads, w2 + c + L);
            FloatVector a3 = FloatVector.fromArray(S, grads, w3 + c), b3 = FloatVector.fromArray(S, grads, w3 + c + L);
            for (int n = 0; n < rows; n++) {
                int x = inpOff + n * in + c;
                int d = doutOff + n * outC + o0;
                FloatVector va = FloatVector.fromArray(S, inp, x);
                FloatVector vb = FloatVector.fromArray(S, inp, x + L);
                FloatVector g0 = FloatVector.broadcast(S, dout[d]);
                FloatVector g1 = FloatVector.broadcast(S, dout[d + 1]);
                FloatVector g2 = FloatVector.broadcast(S, dout[d + 2]);
                FloatVector g3 = FloatVector.broadcast(S, dout[d + 3]);
                a0 = va.fma(g0, a0);
                b0 = vb.fma(g0, b0);
                a1 = va.fma(g1, a1);
                b1 = vb.fma(g1, b1);
                a2 = va.fma(g2, a2);
                b2 = vb.fma(g2, b2);
                a3 = va.fma(g3, a3);
                b3 = vb.fma(g3, b3);
            }
            a0.intoArray(grads, w0 + c);
            b0.intoArray(grads, w0 + c + L);
            a1.intoArray(grads, w1 + c);
            b1.intoArray(grads, w1 + c + L);
            a2.intoArray(grads, w2 + c);
            b2.intoArray(grads, w2 + c + L);
            a3.intoArray(grads, w3 + c);
            b3.intoArray(grads, w3 + c + L);
        }
        if (c < in) {
            int tail = in - c;
            for (int j = 0; j < 4; j++) {
                for (int n = 0; n < rows; n++) {
                    Ops.axpy(dout[doutOff + n * outC + o0 + j], inp, inpOff + n * in + c, grads, w0 + j * in + c, tail);
                }
            }
        }
    }
}
