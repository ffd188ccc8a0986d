package org.nslab.simulation.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The packed matrix product against a plain triple loop, for every operand layout and edge shape. */
class GemmTest {

    private static final SplittableRandom RANDOM = new SplittableRandom(11);

    @Test
    void everyLayoutAndEdgeShapeMatchesATripleLoop() {
        int[][] shapes = {{1, 1, 1}, {5, 3, 7}, {6, 32, 4}, {7, 33, 9}, {13, 64, 128}, {48, 100, 31}, {130, 96, 40}, {9, 40, 1100}};
        for (int[] shape : shapes) {
            for (boolean transposeA : new boolean[] {false, true}) {
                for (boolean transposeB : new boolean[] {false, true}) {
                    for (boolean parallel : new boolean[] {false, true}) {
                        check(shape[0], shape[1], shape[2], transposeA, transposeB, parallel);
                    }
                }
            }
        }
    }

    @Test
    void theCausalShapesSkipOnlyWorkThatIsZeroOrUnused() {
        int t = 70;
        int hs = 20;
        float[] lower = random(t * t);
        float[] upper = lower.clone();
        for (int i = 0; i < t; i++) {
            for (int p = 0; p < t; p++) {
                if (p > i) {
                    lower[i * t + p] = 0f;
                }
                if (p < i) {
                    upper[i * t + p] = 0f;
                }
            }
        }
        float[] b = random(t * hs);
        for (Object[] c : new Object[][] {{lower, Gemm.Shape.A_LOWER}, {upper, Gemm.Shape.A_UPPER}}) {
            float[] a = (float[]) c[0];
            float[] out = new float[t * hs];
            Gemm.multiply(out, 0, hs, a, 0, t, 1, b, 0, hs, 1, t, hs, t, (Gemm.Shape) c[1], false);
            assertClose(reference(a, 0, t, 1, b, 0, hs, 1, t, hs, t), out, t, hs, hs, c[1].toString());
        }
        float[] q = random(t * hs);
        float[] scores = new float[t * t];
        Gemm.multiply(scores, 0, t, q, 0, hs, 1, q, 0, 1, hs, t, t, hs, Gemm.Shape.C_LOWER, false);
        double[] expected = reference(q, 0, hs, 1, q, 0, 1, hs, t, t, hs);
        for (int i = 0; i < t; i++) {
            for (int j = 0; j <= i; j++) {
                assertEquals(expected[i * t + j], scores[i * t + j], 1e-4, "C_LOWER (" + i + ", " + j + ")");
            }
        }
    }

    @Test
    void theProductAddsIntoCAndLeavesItsOtherColumnsAlone() {
        int m = 9;
        int n = 35;
        int k = 17;
        int ldc = n + 3;
        float[] a = random(m * k);
        float[] b = random(k * n);
        float[] c = random(m * ldc);
        float[] before = c.clone();
        Gemm.multiply(c, 0, ldc, a, 0, k, 1, b, 0, n, 1, m, n, k, Gemm.Shape.FULL, false);
        double[] product = reference(a, 0, k, 1, b, 0, n, 1, m, n, k);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < ldc; j++) {
                double want = before[i * ldc + j] + (j < n ? product[i * n + j] : 0);
                assertEquals(want, c[i * ldc + j], 1e-4, "(" + i + ", " + j + ")");
            }
        }
    }

    @Test
    void columnSumsAddEveryRow() {
        int rows = 37;
        int cols = 45;
        float[] src = random(rows * cols);
        float[] dst = random(cols);
        float[] before = dst.clone();
        Gemm.addColumnSums(dst, 0, src, 0, rows, cols);
        for (int j = 0; j < cols; j++) {
            double s = before[j];
            for (int r = 0; r < rows; r++) {
                s += src[r * cols + j];
            }
            assertEquals(s, dst[j], 1e-4);
        }
    }

    private static void check(int m, int n, int k, boolean transposeA, boolean transposeB, boolean parallel) {
        float[] a = random(m * k + 3);
        float[] b = random(k * n + 5);
        int aRow = transposeA ? 1 : k;
        int aCol = transposeA ? m : 1;
        int bRow = transposeB ? 1 : n;
        int bCol = transposeB ? k : 1;
        float[] c = new float[m * n];
        Gemm.multiply(c, 0, n, a, 3, aRow, aCol, b, 5, bRow, bCol, m, n, k, Gemm.Shape.FULL, parallel);
        assertClose(reference(a, 3, aRow, aCol, b, 5, bRow, bCol, m, n, k), c, m, n, n,
                m + "x" + n + "x" + k + " tA=" + transposeA + " tB=" + transposeB + " parallel=" + parallel);
    }

    private static double[] reference(float[] a, int aOff, int aRow, int aCol, float[] b, int bOff, int bRow, int bCol,
                                      int m, int n, int k) {
        double[] c = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += (double) a[aOff + i * aRow + p * aCol] * b[bOff + p * bRow + j * bCol];
                }
                c[i * n + j] = s;
            }
        }
        return c;
    }

    private static void assertClose(double[] expected, float[] actual, int m, int n, int ldc, String what) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                assertEquals(expected[i * n + j], actual[i * ldc + j], 1e-4 * (1 + Math.abs(expected[i * n + j])),
                        what + " at (" + i + ", " + j + ")");
            }
        }
    }

    private static float[] random(int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (RANDOM.nextDouble() * 2 - 1);
        }
        return x;
    }
}
