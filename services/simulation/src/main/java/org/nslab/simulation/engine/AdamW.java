package org.nslab.simulation.engine;

import java.util.stream.IntStream;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

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
    /** The weight decay of each parameter: {@code weightDecay} for decayed tensors, 0 for the others. */
    private final float[] decay;
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int CHUNK = 16_384;
    private int step;

    public AdamW(ParameterLayout layout, float beta1, float beta2, float eps, float weightDecay) {
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.m = new float[layout.size()];
        this.v = new float[layout.size()];
        this.decay = new float[layout.size()];
        for (ParameterLayout.Tensor tensor : layout.tensors()) {
            java.util.Arrays.fill(decay, tensor.offset(), tensor.offset() + tensor.size(), tensor.decayed() ? weightDecay : 0f);
        }
    }

    /** GPT-style defaults: β = (0.9, 0.95), ε = 1e-8. */
    public static AdamW standard(ParameterLayout layout, float weightDecay) {
        return new AdamW(layout, 0.9f, 0.95f, 1e-8f, weightDecay);
    }

    /** One update of every parameter, in blocks on all cores (each element's arithmetic does not depend on the blocks). */
    public void step(float[] params, float[] grads, float learningRate) {
        step++;
        float correction1 = (float) (1.0 - Math.pow(beta1, step));
        float correction2 = (float) (1.0 - Math.pow(beta2, step));
        int chunks = (params.length + CHUNK - 1) / CHUNK;
        IntStream.range(0, chunks).parallel().forEach(chunk -> update(params, grads, learningRate, correction1, correction2,
                chunk * CHUNK, Math.min(params.length, (chunk + 1) * CHUNK)));
    }

    private void update(float[] params, float[] grads, float lr, float correction1, float correction2, int from, int to) {
        int i = from;
        for (int bound = from + S.loopBound(to - from); i < bound; i += S.length()) {
            FloatVector g = FloatVector.fromArray(S, grads, i);
            FloatVector mi = FloatVector.fromArray(S, m, i).mul(beta1).add(g.mul(1f - beta1));
            FloatVector vi = FloatVector.fromArray(S, v, i).mul(beta2).add(g.mul(g).mul(1f - beta2));
            mi.intoArray(m, i);
            vi.intoArray(v, i);
            FloatVector p = FloatVector.fromArray(S, params, i);
            FloatVector update = mi.div(correction1)
                    .div(vi.div(correction2).lanewise(VectorOperators.SQRT).add(eps))
                    .add(FloatVector.fromArray(S, decay, i).mul(p));
            p.sub(update.mul(lr)).intoArray(params, i);
        }
        for (; i < to; i++) {
            float g = grads[i];
            float mi = beta1 * m[i] + (1f - beta1) * g;
            float vi = beta2 * v[i] + (1f - beta2) * g * g;
            m[i] = mi;
            v[i] = vi;
            float update = (mi / correction1) / ((float) Math.sqrt(vi / correction2) + eps) + decay[i] * params[i];
            params[i] -= lr * update;
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
