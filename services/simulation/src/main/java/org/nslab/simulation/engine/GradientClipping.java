package org.nslab.simulation.engine;

/** Global-norm gradient clipping and per-layer gradient norms (the training gym's gradient flow). */
public final class GradientClipping {

    private GradientClipping() {
    }

    public static double norm(float[] grads, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) grads[i] * grads[i];
        }
        return Math.sqrt(sum);
    }

    /** Scales the gradients so that their global norm is at most {@code maxNorm}; returns the norm before. */
    public static double clip(float[] grads, double maxNorm) {
        double norm = norm(grads, 0, grads.length);
        if (norm > maxNorm) {
            float scale = (float) (maxNorm / (norm + 1e-6));
            for (int i = 0; i < grads.length; i++) {
                grads[i] *= scale;
            }
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
