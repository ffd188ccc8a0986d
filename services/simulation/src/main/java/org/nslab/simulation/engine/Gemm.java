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
 * each task takes a strip of {@link #MR} rows of A and runs the micro-kernel: {@code MR × NR}
 * accumulators (8 rows × 2 vectors) stay in registers for the whole sum, and every step loads two
 * vectors of B and broadcasts eight numbers of A for sixteen fused multiply-adds.
 *
 * <p>Every element of C is summed by one task in increasing {@code p}, so the result does not depend
 * on the number of threads. Needs {@code --add-modules jdk.incubator.vector}.
 */
final class Gemm {

    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();
    /** Rows of A per micro-kernel. */
    static final int MR = 8;
    /** Columns of B per micro-kernel (two vectors). */
    static final int NR = 2 * L;
    /** Products below this many multiply-adds run on the calling thread. */
    private static final long PARALLEL_WORK = 1L << 17;
    /** Operands B of more elements than this are packed on all cores. */
    private static final long PACK_PARALLEL = 1L << 15;
    /** B spans at most this many floats (256 KiB) to be read in place. */
    private static final long IN_PLACE_LIMIT = 1L << 16;

    /** Sums longer than 4·KC run in blocks of KC (32-column panels of 32 KiB). */
    private static final int KC = 256;

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
        if (k > 4 * KC && shape == Shape.FULL) {
            // a long sum (the weight gradient's, over every row of the batch) in blocks of KC, so each
            // block of B stays in cache while every strip of A passes;
            // the accumulators go through C in float, so the result is the same bits as in one block
            for (int p = 0; p < k; p += KC) {
                multiply(c, cOff, ldc, a, aOff + p * aCol, aRow, aCol, b, bOff + p * bRow, bRow, bCol,
                        m, n, Math.min(KC, k - p), shape, parallel);
            }
            return;
        }
        int panels = (n + NR - 1) / NR;
        float[][] buffers = BUFFERS.get();
        Panels panelsB = new Panels(b, bOff, bRow, bCol, k, n, panels, buffers, parallel);
        int strips = (m + MR - 1) / MR;
        if (parallel && strips > 1 && (long) m * n * k >= PARALLEL_WORK) {
            IntStream.range(0, strips).parallel().forEach(s -> strip(s, c, cOff, ldc, a, aOff, aRow, aCol, panelsB, m, n, k, shape));
        } else {
            for (int s = 0; s < strips; s++) {
                strip(s, c, cOff, ldc, a, aOff, aRow, aCol, panelsB, m, n, k, shape);
            }
        }
    }

    /**
     * B as the kernel reads it, panel by panel: in place when its rows are contiguous and it is small (two vectors a row,
     * {@code stride} apart), packed otherwise ({@code k × NR} per panel, zero-padded); a last panel narrower
     * than {@link #NR} is always packed, so the kernel never reads past B's columns.
     */
    private static final class Panels {
        final float[] data;
        final float[] packed;
        final int k;
        final int panels;
        final boolean inPlace;
        final int off;
        final int row;

        Panels(float[] data, int off, int row, int col, int k, int n, int panels, float[][] buffers, boolean parallel) {
            this.data = data;
            this.off = off;
            this.row = row;
            this.k = k;
            this.panels = panels;
            // in place only when B is small enough to stay in cache: a long strided B costs more in cache
            // and TLB misses than one packing pass
            this.inPlace = col == 1 && (long) k * row <= IN_PLACE_LIMIT;
            boolean partial = n % NR != 0;
            if (inPlace) {
                packed = partial ? buffer(buffers, 0, k * NR) : null;
                if (partial) {
                    packB(packed, 0, data, off, row, col, k, n, panels - 1);
                }
            } else {
                packed = buffer(buffers, 0, panels * k * NR);
                if (parallel && panels > 1 && (long) k * n >= PACK_PARALLEL) {
                    IntStream.range(0, panels).parallel().forEach(jp -> packB(packed, jp * k * NR, data, off, row, col, k, n, jp));
                } else {
                    for (int jp = 0; jp < panels; jp++) {
                        packB(packed, jp * k * NR, data, off, row, col, k, n, jp);
                    }
                }
            }
        }

        boolean packed(int jp) {
            return !inPlace || (packed != null && jp == panels - 1);
        }

        float[] array(int jp) {
            return packed(jp) ? packed : data;
        }

        int base(int jp) {
            if (!packed(jp)) {
                return off + jp * NR;
            }
            return inPlace ? 0 : jp * k * NR;
        }

        int stride(int jp) {
            return packed(jp) ? NR : row;
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

    private static void packB(float[] packed, int base, float[] b, int bOff, int bRow, int bCol, int k, int n, int jp) {
        {
            int j0 = jp * NR;
            int nr = Math.min(NR, n - j0);
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
                              Panels b, int m, int n, int k, Shape shape) {
        int panels = b.panels;
        int i0 = s * MR;
        int mr = Math.min(MR, m - i0);
        int p0 = shape == Shape.A_UPPER ? Math.min(i0, k) : 0;
        int p1 = shape == Shape.A_LOWER ? Math.min(k, i0 + mr) : k;
        if (p1 <= p0) {
            return;
        }
        int lastPanel = shape == Shape.C_LOWER ? Math.min(panels - 1, (i0 + mr - 1) / NR) : panels - 1;
        if (mr == MR) {
            // whole strip: A is read in place, B from its packed panels
            int aBase = aOff + i0 * aRow;
            for (int jp = 0; jp <= lastPanel; jp++) {
                int j0 = jp * NR;
                int nr = Math.min(NR, n - j0);
                int cBase = cOff + i0 * ldc + j0;
                if (nr == NR) {
                    kernel(a, aBase, aRow, aCol, b.array(jp), b.base(jp), b.stride(jp), p0, p1, c, cBase, ldc);
                } else {
                    float[] tile = tile();
                    kernel(a, aBase, aRow, aCol, b.array(jp), b.base(jp), b.stride(jp), p0, p1, tile, 0, NR);
                    addTile(tile, c, cBase, ldc, mr, nr);
                }
            }
            return;
        }
        // the last, partial strip: A copied with zero rows below it
        float[] packedA = buffer(BUFFERS.get(), 1, k * MR);
        java.util.Arrays.fill(packedA, 0, k * MR, 0f);
        for (int ii = 0; ii < mr; ii++) {
            int src = aOff + (i0 + ii) * aRow;
            for (int p = p0; p < p1; p++) {
                packedA[p * MR + ii] = a[src + p * aCol];
            }
        }
        for (int jp = 0; jp <= lastPanel; jp++) {
            int j0 = jp * NR;
            int nr = Math.min(NR, n - j0);
            float[] tile = tile();
            kernel(packedA, 0, 1, MR, b.array(jp), b.base(jp), b.stride(jp), p0, p1, tile, 0, NR);
            addTile(tile, c, cOff + i0 * ldc + j0, ldc, mr, nr);
        }
    }

    private static float[] tile() {
        float[] tile = buffer(BUFFERS.get(), 2, MR * NR);
        java.util.Arrays.fill(tile, 0, MR * NR, 0f);
        return tile;
    }

    private static void addTile(float[] tile, float[] c, int cBase, int ldc, int mr, int nr) {
        for (int ii = 0; ii < mr; ii++) {
            int row = cBase + ii * ldc;
            for (int jj = 0; jj < nr; jj++) {
                c[row + jj] += tile[ii * NR + jj];
            }
        }
    }

    /**
     * The 8 × 2-vector micro-kernel: C tile += A strip · B panel (rows {@code bStride} apart) over p in [p0, p1); A[r, p] at
     * {@code aBase + r·aRow + p·aCol}.
     */
    private static void kernel(float[] a, int aBase, int aRow, int aCol, float[] bp, int bBase, int bStride, int p0, int p1,
                               float[] c, int cBase, int ldc) {
        int r0 = cBase + 0 * ldc;
        int r1 = cBase + 1 * ldc;
        int r2 = cBase + 2 * ldc;
        int r3 = cBase + 3 * ldc;
        int r4 = cBase + 4 * ldc;
        int r5 = cBase + 5 * ldc;
        int r6 = cBase + 6 * ldc;
        int r7 = cBase + 7 * ldc;
        FloatVector c00 = FloatVector.fromArray(S, c, r0), c01 = FloatVector.fromArray(S, c, r0 + L);
        FloatVector c10 = FloatVector.fromArray(S, c, r1), c11 = FloatVector.fromArray(S, c, r1 + L);
        FloatVector c20 = FloatVector.fromArray(S, c, r2), c21 = FloatVector.fromArray(S, c, r2 + L);
        FloatVector c30 = FloatVector.fromArray(S, c, r3), c31 = FloatVector.fromArray(S, c, r3 + L);
        FloatVector c40 = FloatVector.fromArray(S, c, r4), c41 = FloatVector.fromArray(S, c, r4 + L);
        FloatVector c50 = FloatVector.fromArray(S, c, r5), c51 = FloatVector.fromArray(S, c, r5 + L);
        FloatVector c60 = FloatVector.fromArray(S, c, r6), c61 = FloatVector.fromArray(S, c, r6 + L);
        FloatVector c70 = FloatVector.fromArray(S, c, r7), c71 = FloatVector.fromArray(S, c, r7 + L);
        int a0 = aBase + 0 * aRow + p0 * aCol;
        int a1 = aBase + 1 * aRow + p0 * aCol;
        int a2 = aBase + 2 * aRow + p0 * aCol;
        int a3 = aBase + 3 * aRow + p0 * aCol;
        int a4 = aBase + 4 * aRow + p0 * aCol;
        int a5 = aBase + 5 * aRow + p0 * aCol;
        int a6 = aBase + 6 * aRow + p0 * aCol;
        int a7 = aBase + 7 * aRow + p0 * aCol;
        for (int p = p0, bi = bBase + p0 * bStride; p < p1; p++, bi += bStride) {
            FloatVector b0 = FloatVector.fromArray(S, bp, bi);
            FloatVector b1 = FloatVector.fromArray(S, bp, bi + L);
            FloatVector x;
            x = FloatVector.broadcast(S, a[a0]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, a[a1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, a[a2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, a[a3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(S, a[a4]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(S, a[a5]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            x = FloatVector.broadcast(S, a[a6]);
            c60 = x.fma(b0, c60);
            c61 = x.fma(b1, c61);
            x = FloatVector.broadcast(S, a[a7]);
            c70 = x.fma(b0, c70);
            c71 = x.fma(b1, c71);
            a0 += aCol; a1 += aCol; a2 += aCol; a3 += aCol; a4 += aCol; a5 += aCol; a6 += aCol; a7 += aCol;
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
        c60.intoArray(c, r6);
        c61.intoArray(c, r6 + L);
        c70.intoArray(c, r7);
        c71.intoArray(c, r7 + L);
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
