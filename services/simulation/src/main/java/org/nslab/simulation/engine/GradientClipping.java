package org.nslab.simulation.engine;

/** Global-norm gradient clipping and per-layer gradient norms (the training gym's gradient flow). */
public final class GradientClipping {

    private GradientClipping() {
    }

    private static final int BLOCK = 16_384;

    /** The L2 norm of grads[from, to): sums of fixed blocks, on all cores, added in order. */
    public static double norm(float[] grads, int from, int to) {
        int blocks = (to - from + BLOCK - 1) / BLOCK;
        double[] partial = new double[blocks];
        java.util.stream.IntStream.range(0, blocks).parallel().forEach(b -> {
            double sum = 0;
            for (int i = from + b * BLOCK, end = Math.min(to, from + (b + 1) * BLOCK); i < end; i++) {
                sum += (double) grads[i] * grads[i];
            }
            partial[b] = sum;
        });
        double sum = 0;
        for (double p : partial) {
            sum += p;
        }
        return Math.sqrt(sum);
    }

    /** Scales the gradients so that their global norm is at most {@code maxNorm}; returns the norm before. */
    public static double clip(float[] grads, double maxNorm) {
        double norm = norm(grads, 0, grads.length);
        if (norm > maxNorm) {
            float scale = (float) (maxNorm / (norm + 1e-6));
            java.util.stream.IntStream.range(0, (grads.length + BLOCK - 1) / BLOCK).parallel().forEach(b ->
                    Vectors.scale(grads, b * BLOCK, Math.min(BLOCK, grads.length - b * BLOCK), scale));
        }
        return norm;
    }

    /** The gradient norm of each block, in layer order. */
    public static double[] perLayer(ParameterLayout layout, float[] grads) {
        double[] norms = new double[layout.config().layers()];
        for (int l = 0; l < norms.length; l++) {
            norms[l] = norm(grads, layout.blockStart(l), layout.blockEnd(l));
        }
        return norms;
    }
}
