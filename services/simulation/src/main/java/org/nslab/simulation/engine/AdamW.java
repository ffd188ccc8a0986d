package org.nslab.simulation.engine;

/**
 * AdamW (Loshchilov and Hutter, 2019): Adam with decoupled weight decay, applied only to the
 * tensors the layout marks as decayed (matrices and embeddings, not biases or LayerNorm gains).
 */
public final class AdamW {

    private final float beta1;
    private final float beta2;
    private final float eps;
    private final float weightDecay;
    private final float[] m;
    private final float[] v;
    private final boolean[] decayed;
    private int step;

    public AdamW(ParameterLayout layout, float beta1, float beta2, float eps, float weightDecay) {
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.m = new float[layout.size()];
        this.v = new float[layout.size()];
        this.decayed = new boolean[layout.size()];
        for (ParameterLayout.Tensor tensor : layout.tensors()) {
            java.util.Arrays.fill(decayed, tensor.offset(), tensor.offset() + tensor.size(), tensor.decayed());
        }
    }

    /** GPT-style defaults: β = (0.9, 0.95), ε = 1e-8. */
    public static AdamW standard(ParameterLayout layout, float weightDecay) {
        return new AdamW(layout, 0.9f, 0.95f, 1e-8f, weightDecay);
    }

    public void step(float[] params, float[] grads, float learningRate) {
        step++;
        float correction1 = (float) (1.0 - Math.pow(beta1, step));
        float correction2 = (float) (1.0 - Math.pow(beta2, step));
        for (int i = 0; i < params.length; i++) {
            float g = grads[i];
            float mi = beta1 * m[i] + (1f - beta1) * g;
            float vi = beta2 * v[i] + (1f - beta2) * g * g;
            m[i] = mi;
            v[i] = vi;
            float update = (mi / correction1) / ((float) Math.sqrt(vi / correction2) + eps);
            if (decayed[i]) {
                update += weightDecay * params[i];
            }
            params[i] -= learningRate * update;
        }
    }

    public int steps() {
        return step;
    }

    /** The optimizer state, for checkpoints: first and second moments. */
    public float[] firstMoments() {
        return m;
    }

    public float[] secondMoments() {
        return v;
    }

    /** Restores the state of a checkpoint. */
    public void restore(float[] firstMoments, float[] secondMoments, int steps) {
        System.arraycopy(firstMoments, 0, m, 0, m.length);
        System.arraycopy(secondMoments, 0, v, 0, v.length);
        this.step = steps;
    }
}
