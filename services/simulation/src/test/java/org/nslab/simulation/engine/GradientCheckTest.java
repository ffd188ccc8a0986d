package org.nslab.simulation.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Every backward kernel, and the whole model, against central finite differences. */
class GradientCheckTest {

    private static final SplittableRandom RANDOM = new SplittableRandom(7);

    @Test
    void layerNormBackwardMatchesFiniteDifferences() {
        int rows = 3;
        int c = 6;
        float[] inp = random(rows * c, 1.0);
        float[] params = random(2 * c, 0.5);
        float[] r = random(rows * c, 1.0);
        Consumer<float[]> forward = out -> Ops.layerNormForward(out, 0, new float[rows], new float[rows], 0, inp, 0, params, 0, c, rows, c);
        float[] dinp = new float[rows * c];
        float[] grads = new float[2 * c];
        float[] mean = new float[rows];
        float[] rstd = new float[rows];
        Ops.layerNormForward(new float[rows * c], 0, mean, rstd, 0, inp, 0, params, 0, c, rows, c);
        Ops.layerNormBackward(dinp, 0, grads, 0, c, r, 0, inp, 0, params, 0, mean, rstd, 0, rows, c);

        check("layernorm input", inp, dinp, () -> weightedSum(forward, rows * c, r));
        check("layernorm weight and bias", params, grads, () -> weightedSum(forward, rows * c, r));
    }

    @Test
    void matmulBackwardMatchesFiniteDifferences() {
        int rows = 4;
        int in = 5;
        int outC = 3;
        float[] inp = random(rows * in, 1.0);
        float[] params = random(outC * in + outC, 0.5);
        float[] r = random(rows * outC, 1.0);
        Consumer<float[]> forward = out -> Ops.matmulForward(out, 0, inp, 0, params, 0, outC * in, rows, in, outC);
        float[] dinp = new float[rows * in];
        float[] grads = new float[params.length];
        Ops.matmulBackward(dinp, 0, grads, 0, outC * in, r, 0, inp, 0, params, 0, rows, in, outC);

        check("matmul input", inp, dinp, () -> weightedSum(forward, rows * outC, r));
        check("matmul weight and bias", params, grads, () -> weightedSum(forward, rows * outC, r));
    }

    @Test
    void attentionBackwardMatchesFiniteDifferences() {
        int batch = 2;
        int time = 4;
        int c = 6;
        int heads = 2;
        float[] qkv = random(batch * time * 3 * c, 1.0);
        float[] r = random(batch * time * c, 1.0);
        int attSize = batch * heads * time * time;
        Consumer<float[]> forward = out -> Ops.attentionForward(out, 0, new float[attSize], new float[attSize], 0, qkv, 0, batch, time, c, heads);
        float[] att = new float[attSize];
        Ops.attentionForward(new float[batch * time * c], 0, new float[attSize], att, 0, qkv, 0, batch, time, c, heads);
        float[] dqkv = new float[qkv.length];
        Ops.attentionBackward(dqkv, 0, new float[attSize], new float[attSize], 0, r, 0, qkv, 0, att, batch, time, c, heads);

        check("attention q, k and v", qkv, dqkv, () -> weightedSum(forward, batch * time * c, r));
    }

    @Test
    void geluBackwardMatchesFiniteDifferences() {
        float[] inp = random(20, 2.0);
        float[] r = random(20, 1.0);
        Consumer<float[]> forward = out -> Ops.geluForward(out, 0, inp, 0, 20);
        float[] dinp = new float[20];
        Ops.geluBackward(dinp, 0, inp, 0, r, 0, 20);

        check("gelu", inp, dinp, () -> weightedSum(forward, 20, r));
    }

    @Test
    void softmaxCrossEntropyBackwardMatchesFiniteDifferences() {
        int rows = 3;
        int vocab = 7;
        float[] logits = random(rows * vocab, 2.0);
        int[] targets = {1, 6, 0};
        float[] probs = new float[logits.length];
        Ops.softmaxForward(probs, logits, rows, vocab);
        float[] dlogits = new float[logits.length];
        Ops.crossEntropySoftmaxBackward(dlogits, probs, targets, 0, rows, vocab);

        check("softmax cross-entropy", logits, dlogits, () -> {
            float[] p = new float[logits.length];
            Ops.softmaxForward(p, logits, rows, vocab);
            return Ops.crossEntropy(p, targets, 0, rows, vocab);
        });
    }

    @Test
    void theWholeModelsGradientMatchesFiniteDifferencesForEveryTensor() {
        GptConfig config = new GptConfig(13, 6, 2, 2, 8, 4);
        Gpt model = Gpt.initialize(config, 3);
        // Larger weights than GPT-2's init, so that every path carries a gradient well above float noise.
        float[] params = model.parameters();
        for (int i = 0; i < params.length; i++) {
            params[i] += (float) (RANDOM.nextDouble(-0.3, 0.3));
        }
        int[] tokens = {1, 5, 7, 2, 12, 0, 3, 3, 8, 11, 4, 9};
        int[] targets = {5, 7, 2, 12, 0, 6, 3, 8, 11, 4, 9, 10};
        model.zeroGradients();
        model.forward(tokens, 0, targets, 0, 2, 6);
        model.backward();
        float[] analytic = model.gradients().clone();

        for (ParameterLayout.Tensor tensor : model.layout().tensors()) {
            float[] sub = new float[Math.min(tensor.size(), 6)];
            float[] subGrad = new float[sub.length];
            int[] indices = new int[sub.length];
            for (int i = 0; i < sub.length; i++) {
                indices[i] = tensor.offset() + RANDOM.nextInt(tensor.size());
                subGrad[i] = analytic[indices[i]];
            }
            for (int i = 0; i < sub.length; i++) {
                int index = indices[i];
                double numeric = centralDifference(params, index, () -> model.forward(tokens, 0, targets, 0, 2, 6));
                assertClose(tensor.name() + "[" + (index - tensor.offset()) + "] of layer " + tensor.layer(), numeric, subGrad[i]);
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    private interface Scalar {
        double value();
    }

    private static double weightedSum(Consumer<float[]> forward, int size, float[] weights) {
        float[] out = new float[size];
        forward.accept(out);
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += (double) out[i] * weights[i];
        }
        return sum;
    }

    private static void check(String what, float[] inputs, float[] analytic, Scalar f) {
        for (int i = 0; i < inputs.length; i++) {
            assertClose(what + "[" + i + "]", centralDifference(inputs, i, f), analytic[i]);
        }
    }

    private static double centralDifference(float[] inputs, int i, Scalar f) {
        float original = inputs[i];
        float h = 1e-2f;
        inputs[i] = original + h;
        double plus = f.value();
        inputs[i] = original - h;
        double minus = f.value();
        inputs[i] = original;
        return (plus - minus) / (2 * h);
    }

    private static void assertClose(String what, double numeric, double analytic) {
        double error = Math.abs(numeric - analytic);
        double scale = Math.max(Math.abs(numeric), Math.abs(analytic));
        assertTrue(error <= 2e-3 || error / scale <= 2e-2,
                what + ": numeric " + numeric + " vs analytic " + analytic);
    }

    private static float[] random(int n, double scale) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (RANDOM.nextDouble(-1, 1) * scale);
        }
        return a;
    }
}
