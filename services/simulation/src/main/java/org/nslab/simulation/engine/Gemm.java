package org.nslab.simulation.engine;

import java.util.stream.IntStream;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * A packed, register-blocked matrix product on SIMD vectors (the JDK Vector API):
 * {@code C[i, j] += sum_p A[i, p] · B[p, j]}, with A and B read through row and column strides, so
 * that transposed operands (a weight as PyTorch's Linear stores it, the keys of one attention head
 * inside the fused q|k|v rows) need no copy of their own.
 *
 * <p>B is packed once into panels of {@link #NR} columns ({@code k × NR}, contiguous, zero-padded);
 * each task packs a strip of {@link #MR} rows of A and runs the micro-kernel: {@code MR × NR}
 * accumulators (6 rows × 2 vectors) stay in registers for the whole sum, and every step loads two
 * vectors of B and broadcasts six numbers of A for twelve fused multiply-adds.
 *
 * <p>Every element of C is summed by one task in increasing {@code p}, so the result does not depend
 * on the number of threads. Needs {@code --add-modules jdk.incubator.vector}.
 */
final class Gemm {

    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();
    /** Rows of A per micro-kernel. */
    static final int MR = 6;
    /** Columns of B per micro-kernel (two vectors). */
    static final int NR = 2 * L;
    /** Products below this many multiply-adds run on the calling thread. */
    private static final long PARALLEL_WORK = 1L << 17;

    private static final ThreadLocal<float[][]> BUFFERS = ThreadLocal.withInitial(() -> new float[3][]);

    /** Which part of the product is needed or non-zero, to skip work in causal attention. */
    enum Shape {
        /** Every element. */
        FULL,
        /** C is square and only its lower triangle is needed (panels wholly above the diagonal are skipped). */
        C_LOWER,
        /** A[i, p] is zero for p > i (a causal attention matrix). */
        A_LOWER,
        /** A[i, p] is zero for p < i (a transposed causal attention matrix). */
        A_UPPER
    }

    private Gemm() {
    }

    /**
     * {@code C[i, j] += sum_p A[i, p] · B[p, j]} for i < m, j < n, p < k; C[i, j] is at
     * {@code cOff + i·ldc + j}, A[i, p] at {@code aOff + i·aRow + p·aCol}, B[p, j] at {@code bOff + p·bRow + j·bCol}.
     */
    static void multiply(float[] c, int cOff, int ldc,
                         float[] a, int aOff, int aRow, int aCol,
                         float[] b, int bOff, int bRow, int bCol,
                         int m, int n, int k, Shape shape, boolean parallel) {
        if (m <= 0 || n <= 0 || k <= 0) {
            return;
        }
        int panels = (n + NR - 1) / NR;
        float[][] buffers = BUFFERS.get();
        float[] packedB = buffer(buffers, 0, panels * k * NR);
        packB(packedB, b, bOff, bRow, bCol, k, n, panels);
        int strips = (m + MR - 1) / MR;
        if (parallel && strips > 1 && (long) m * n * k >= PARALLEL_WORK) {
            IntStream.range(0, strips).parallel().forEach(
                    s -> strip(s, c, cOff, ldc, a, aOff, aRow, aCol, packedB, m, n, k, panels, shape));
        } else {
            for (int s = 0; s < strips; s++) {
                strip(s, c, cOff, ldc, a, aOff, aRow, aCol, packedB, m, n, k, panels, shape);
            }
        }
    }

    private static float[] buffer(float[][] buffers, int which, int size) {
        float[] buffer = buffers[which];
        if (buffer == null || buffer.length < size) {
            buffer = new float[Math.max(size, buffer == null ? 0 : buffer.length * 3 / 2)];
            buffers[which] = buffer;
        }
        return buffer;
    }

    private static void packB(float[] packed, float[] b, int bOff, int bRow, int bCol, int k, int n, int panels) {
        for (int jp = 0; jp < panels; jp++) {
            int j0 = jp * NR;
            int nr = Math.min(NR, n - j0);
            int base = jp * k * NR;
            if (bCol == 1) {
                for (int p = 0; p < k; p++) {
                    int dst = base + p * NR;
                    System.arraycopy(b, bOff + p * bRow + j0, packed, dst, nr);
                    if (nr < NR) {
                        java.util.Arrays.fill(packed, dst + nr, dst + NR, 0f);
                    }
                }
            } else {
                for (int jj = 0; jj < nr; jj++) {
                    int src = bOff + (j0 + jj) * bCol;
                    for (int p = 0; p < k; p++) {
                        packed[base + p * NR + jj] = b[src + p * bRow];
                    }
                }
                if (nr < NR) {
                    for (int p = 0; p < k; p++) {
                        java.util.Arrays.fill(packed, base + p * NR + nr, base + (p + 1) * NR, 0f);
                    }
                }
            }
        }
    }

    private static void strip(int s, float[] c, int cOff, int ldc, float[] a, int aOff, int aRow, int aCol,
                              float[] packedB, int m, int n, int k, int panels, Shape shape) {
        int i0 = s * MR;
        int mr = Math.min(MR, m - i0);
        int p0 = shape == Shape.A_UPPER ? Math.min(i0, k) : 0;
        int p1 = shape == Shape.A_LOWER ? Math.min(k, i0 + mr) : k;
        if (p1 <= p0) {
            return;
        }
        float[][] buffers = BUFFERS.get();
        float[] packedA = buffer(buffers, 1, k * MR);
        // A strip [i0, i0 + mr) × [p0, p1), row-interleaved: packedA[(p - p0)·MR + ii]
        if (aCol == 1) {
            for (int ii = 0; ii < mr; ii++) {
                int src = aOff + (i0 + ii) * aRow;
                for (int p = p0; p < p1; p++) {
                    packedA[(p - p0) * MR + ii] = a[src + p];
                }
            }
        } else {
            for (int p = p0; p < p1; p++) {
                int src = aOff + i0 * aRow + p * aCol;
                int dst = (p - p0) * MR;
                for (int ii = 0; ii < mr; ii++) {
                    packedA[dst + ii] = a[src + ii * aRow];
                }
            }
        }
        for (int ii = mr; ii < MR; ii++) {
            for (int p = p0; p < p1; p++) {
                packedA[(p - p0) * MR + ii] = 0f;
            }
        }
        int lastPanel = shape == Shape.C_LOWER ? Math.min(panels - 1, (i0 + mr - 1) / NR) : panels - 1;
        for (int jp = 0; jp <= lastPanel; jp++) {
            int j0 = jp * NR;
            int nr = Math.min(NR, n - j0);
            int cBase = cOff + i0 * ldc + j0;
            int bBase = jp * k * NR;
            if (mr == MR && nr == NR) {
                kernel(packedA, packedB, bBase, p0, p1, c, cBase, ldc);
            } else {
                float[] tile = buffer(buffers, 2, MR * NR);
                java.util.Arrays.fill(tile, 0, MR * NR, 0f);
                kernel(packedA, packedB, bBase, p0, p1, tile, 0, NR);
                for (int ii = 0; ii < mr; ii++) {
                    int row = cBase + ii * ldc;
                    for (int jj = 0; jj < nr; jj++) {
                        c[row + jj] += tile[ii * NR + jj];
                    }
                }
            }
        }
    }

    /** The 6 × 2-vector micro-kernel: C tile += packed A strip · packed B panel over p in [p0, p1). */
    private static void kernel(float[] ap, float[] bp, int bBase, int p0, int p1, float[] c, int cBase, int ldc) {
        int r0 = cBase;
        int r1 = r0 + ldc;
        int r2 = r1 + ldc;
        int r3 = r2 + ldc;
        int r4 = r3 + ldc;
        int r5 = r4 + ldc;
        FloatVector c00 = FloatVector.fromArray(S, c, r0), c01 = FloatVector.fromArray(S, c, r0 + L);
        FloatVector c10 = FloatVector.fromArray(S, c, r1), c11 = FloatVector.fromArray(S, c, r1 + L);
        FloatVector c20 = FloatVector.fromArray(S, c, r2), c21 = FloatVector.fromArray(S, c, r2 + L);
        FloatVector c30 = FloatVector.fromArray(S, c, r3), c31 = FloatVector.fromArray(S, c, r3 + L);
        FloatVector c40 = FloatVector.fromArray(S, c, r4), c41 = FloatVector.fromArray(S, c, r4 + L);
        FloatVector c50 = FloatVector.fromArray(S, c, r5), c51 = FloatVector.fromArray(S, c, r5 + L);
        int ai = 0;
        for (int p = p0, bi = bBase + p0 * NR; p < p1; p++, bi += NR, ai += MR) {
            FloatVector b0 = FloatVector.fromArray(S, bp, bi);
            FloatVector b1 = FloatVector.fromArray(S, bp, bi + L);
            FloatVector x = FloatVector.broadcast(S, ap[ai]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, ap[ai + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, ap[ai + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, ap[ai + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(S, ap[ai + 4]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(S, ap[ai + 5]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
        }
        c00.intoArray(c, r0);
        c01.intoArray(c, r0 + L);
        c10.intoArray(c, r1);
        c11.intoArray(c, r1 + L);
        c20.intoArray(c, r2);
        c21.intoArray(c, r2 + L);
        c30.intoArray(c, r3);
        c31.intoArray(c, r3 + L);
        c40.intoArray(c, r4);
        c41.intoArray(c, r4 + L);
        c50.intoArray(c, r5);
        c51.intoArray(c, r5 + L);
    }

    /** {@code dst[j] += sum_i src[i, j]} over {@code rows} rows of {@code cols} (bias gradients), rows in order. */
    static void addColumnSums(float[] dst, int dstOff, float[] src, int srcOff, int rows, int cols) {
        int bound = S.loopBound(cols);
        int j = 0;
        for (; j < bound; j += L) {
            FloatVector acc = FloatVector.fromArray(S, dst, dstOff + j);
            for (int r = 0; r < rows; r++) {
                acc = acc.add(FloatVector.fromArray(S, src, srcOff + r * cols + j));
            }
            acc.intoArray(dst, dstOff + j);
        }
        for (; j < cols; j++) {
            float s = dst[dstOff + j];
            for (int r = 0; r < rows; r++) {
                s += src[srcOff + r * cols + j];
            }
            dst[dstOff + j] = s;
        }
    }
}
