package org.nslab.simulation.engine;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/**
 * A 2D slice of the loss surface around parameters θ (Li et al., 2018, "Visualizing the Loss Landscape
 * of Neural Nets"): L(θ + α·d1 + β·d2) on a grid of (α, β) in [-radius, radius]², for two random
 * Gaussian directions that are filter-normalized (each row of each weight matrix scaled to the norm of
 * the same row of θ; biases and LayerNorm parameters left out, as in the paper), on a fixed batch.
 */
public final class LossLandscape {

    /** losses[i][j] at α = alphas[i], β = betas[j]; {@code centerLoss} at θ itself. */
    public record Surface(double[] alphas, double[] betas, double[][] losses, double centerLoss) {
    }

    private final Gpt model;
    private final float[] center;
    private final float[] d1;
    private final float[] d2;

    public LossLandscape(Gpt model, long seed) {
        this.model = model;
        this.center = model.parameters().clone();
        SplittableRandom random = new SplittableRandom(seed);
        this.d1 = direction(model.layout(), center, random);
        this.d2 = direction(model.layout(), center, random);
    }

    /**
     * Evaluates a {@code size × size} grid on the batch ({@code batch} sequences of {@code time} tokens
     * with their targets); {@code progress} hears each finished point. The model's parameters are
     * restored afterwards.
     */
    public Surface evaluate(int size, double radius, int[] inputs, int[] targets, int batch, int time, IntConsumer progress) {
        if (size < 2 || size > 101 || !(radius > 0 && radius <= 10)) {
            throw new IllegalArgumentException("size must be 2..101 and radius in (0, 10]");
        }
        float[] params = model.parameters();
        double[] axis = new double[size];
        for (int i = 0; i < size; i++) {
            axis[i] = -radius + 2 * radius * i / (size - 1);
        }
        double[][] losses = new double[size][size];
        try {
            int done = 0;
            for (int i = 0; i < size; i++) {
                for (int j = 0; j < size; j++) {
                    float a = (float) axis[i];
                    float b = (float) axis[j];
                    for (int p = 0; p < params.length; p++) {
                        params[p] = center[p] + a * d1[p] + b * d2[p];
                    }
                    losses[i][j] = model.forward(inputs, 0, targets, 0, batch, time);
                    progress.accept(++done);
                }
            }
            System.arraycopy(center, 0, params, 0, params.length);
            double centerLoss = model.forward(inputs, 0, targets, 0, batch, time);
            return new Surface(axis, axis.clone(), losses, centerLoss);
        } finally {
            System.arraycopy(center, 0, params, 0, params.length);
        }
    }

    /** Coordinates (α, β) of other parameters (checkpoints of the run) on the plane, by least squares. */
    public double[] project(float[] other) {
        double d11 = 0;
        double d12 = 0;
        double d22 = 0;
        double r1 = 0;
        double r2 = 0;
        for (int p = 0; p < center.length; p++) {
            double delta = other[p] - center[p];
            d11 += (double) d1[p] * d1[p];
            d12 += (double) d1[p] * d2[p];
            d22 += (double) d2[p] * d2[p];
            r1 += delta * d1[p];
            r2 += delta * d2[p];
        }
        double det = d11 * d22 - d12 * d12;
        return new double[] {(r1 * d22 - r2 * d12) / det, (r2 * d11 - r1 * d12) / det};
    }

    /** The trajectory of a run's checkpoints on the plane. */
    public List<double[]> trajectory(List<float[]> checkpoints) {
        return checkpoints.stream().map(this::project).toList();
    }

    float[] firstDirection() {
        return d1;
    }

    private static float[] direction(ParameterLayout layout, float[] center, SplittableRandom random) {
        float[] d = new float[center.length];
        for (ParameterLayout.Tensor tensor : layout.tensors()) {
            if (!tensor.decayed()) {
                continue; // biases and LayerNorm: no direction
            }
            int rows = rowsOf(layout, tensor);
            int cols = tensor.size() / rows;
            for (int r = 0; r < rows; r++) {
                int off = tensor.offset() + r * cols;
                double dn = 0;
                double cn = 0;
                for (int c = 0; c < cols; c++) {
                    double g = gaussian(random);
                    d[off + c] = (float) g;
                    dn += g * g;
                    cn += (double) center[off + c] * center[off + c];
                }
                float scale = dn == 0 ? 0f : (float) Math.sqrt(cn / dn);
                for (int c = 0; c < cols; c++) {
                    d[off + c] *= scale;
                }
            }
        }
        return d;
    }

    /** Each output row of a weight matrix (or each embedding vector) is one "filter". */
    private static int rowsOf(ParameterLayout layout, ParameterLayout.Tensor tensor) {
        int width = layout.config().width();
        return switch (tensor.name()) {
            case "wte" -> layout.config().vocabSize();
            case "wpe" -> layout.config().contextLength();
            case "attn.qkv.weight" -> 3 * width;
            case "mlp.fc.weight" -> layout.config().hidden();
            default -> width; // attn.proj.weight, mlp.proj.weight: width output rows
        };
    }

    private static double gaussian(SplittableRandom random) {
        double u1 = random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(1.0 - u1)) * Math.cos(2.0 * Math.PI * u2);
    }
}
