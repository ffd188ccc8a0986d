package org.nslab.simulation.engine;

import java.util.Arrays;

/**
 * The linear layer's three matrix products on {@link Gemm}. Shapes as in {@link Ops#matmulForward}:
 * {@code inp} is rows × in, {@code w} is out × in (as PyTorch's Linear stores it).
 * Every output element is produced by one task in a fixed order, so results do not depend on threads.
 */
final class MatMul {

    private MatMul() {
    }

    /** out[n, o] = bias[o] + inp[n, :] · w[o, :]. */
    static void forward(float[] out, int outOff, float[] inp, int inpOff, float[] w, int wOff, float[] bias, int biasOff,
                        int rows, int in, int outC) {
        for (int n = 0; n < rows; n++) {
            int o = outOff + n * outC;
            if (biasOff >= 0) {
                System.arraycopy(bias, biasOff, out, o, outC);
            } else {
                Arrays.fill(out, o, o + outC, 0f);
            }
        }
        // B[p, j] = w[j, p]: the weight read transposed
        Gemm.multiply(out, outOff, outC, inp, inpOff, in, 1, w, wOff, 1, in, rows, outC, in, Gemm.Shape.FULL, true);
    }

    /** dinp[n, :] += sum_o dout[n, o] · w[o, :]. */
    static void backwardInput(float[] dinp, int dinpOff, float[] dout, int doutOff, float[] w, int wOff,
                              int rows, int in, int outC) {
        Gemm.multiply(dinp, dinpOff, in, dout, doutOff, outC, 1, w, wOff, in, 1, rows, in, outC, Gemm.Shape.FULL, true);
    }

    /**
     * dw[o, :] += sum_n dout[n, o] · inp[n, :] and dbias[o] += sum_n dout[n, o] ({@code dbiasOff < 0}: no bias).
     */
    static void backwardWeight(float[] grads, int dwOff, int dbiasOff, float[] dout, int doutOff, float[] inp, int inpOff,
                               int rows, int in, int outC) {
        if (dbiasOff >= 0) {
            Gemm.addColumnSums(grads, dbiasOff, dout, doutOff, rows, outC);
        }
        // A[o, n] = dout[n, o]: the output gradient read transposed
        Gemm.multiply(grads, dwOff, in, dout, doutOff, 1, outC, inp, inpOff, in, 1, outC, in, rows, Gemm.Shape.FULL, true);
    }
}
