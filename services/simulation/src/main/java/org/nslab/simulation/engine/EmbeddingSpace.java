package org.nslab.simulation.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealVector;

/**
 * A 3D view of vectors (the token embedding table, or a prompt's contextual vectors): principal
 * component analysis of their covariance, and nearest neighbours by cosine similarity.
 */
public final class EmbeddingSpace {

    /** Principal axes (unit vectors, largest variance first, sign fixed so that the largest entry is positive). */
    public record Projection(double[] mean, double[][] axes, double[] explainedVarianceRatio) {

        /** Coordinates of {@code row} of {@code data} ({@code cols} wide) on the axes. */
        public double[] project(float[] data, int offset) {
            double[] coordinates = new double[axes.length];
            for (int a = 0; a < axes.length; a++) {
                double sum = 0;
                for (int c = 0; c < mean.length; c++) {
                    sum += (data[offset + c] - mean[c]) * axes[a][c];
                }
                coordinates[a] = sum;
            }
            return coordinates;
        }
    }

    public record Neighbour(int index, double cosine) {
    }

    /**
     * A model's token embeddings on their 3 principal axes, a prompt's contextual vectors (after the final LayerNorm)
     * on the same axes, and one token's nearest tokens.
     *
     * @param vocabulary   [token][axis]
     * @param promptTokens the prompt's tokens that were read: the last context-length of them
     * @param prompt       [position in promptTokens][axis]
     */
    public record View(double[] explainedVarianceRatio, double[][] vocabulary, int[] promptTokens, double[][] prompt,
                       List<Neighbour> neighbours) {
    }

    /**
     * The {@link View} of {@code model}: {@code prompt} may be empty (no contextual vectors), {@code neighboursOf} is
     * a token id or negative (no neighbours), {@code k} the number of neighbours. Runs the model over the prompt.
     */
    public static View of(Gpt model, int[] prompt, int neighboursOf, int k) {
        int vocab = model.config().vocabSize();
        int c = model.config().width();
        if (neighboursOf >= vocab) {
            throw new IllegalArgumentException("neighboursOf must be a token id between 0 and " + (vocab - 1));
        }
        float[] params = model.parameters();
        int wte = model.layout().wte;
        Projection projection = pca(params, wte, vocab, c, 3);
        double[][] vocabulary = new double[vocab][];
        for (int t = 0; t < vocab; t++) {
            vocabulary[t] = projection.project(params, wte + t * c);
        }
        int[] window = Arrays.copyOfRange(prompt, Math.max(0, prompt.length - model.config().contextLength()), prompt.length);
        double[][] contextual = new double[window.length][];
        if (window.length > 0) {
            model.forward(window, 0, null, 0, 1, window.length);
            float[] lnf = model.activations().lnf;
            for (int i = 0; i < window.length; i++) {
                contextual[i] = projection.project(lnf, i * c);
            }
        }
        List<Neighbour> neighbours = neighboursOf < 0 ? List.of()
                : nearest(params, wte, vocab, c, params, wte + neighboursOf * c, neighboursOf, k);
        return new View(projection.explainedVarianceRatio(), vocabulary, window, contextual, neighbours);
    }

    private EmbeddingSpace() {
    }

    /** PCA of {@code rows} vectors of {@code cols} values stored row by row from {@code offset}. */
    public static Projection pca(float[] data, int offset, int rows, int cols, int components) {
        if (components < 1 || components > cols || rows < 2) {
            throw new IllegalArgumentException("need at least 2 rows and 1.." + cols + " components");
        }
        double[] mean = new double[cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                mean[c] += data[offset + r * cols + c];
            }
        }
        for (int c = 0; c < cols; c++) {
            mean[c] /= rows;
        }
        double[][] covariance = new double[cols][cols];
        double[] centered = new double[cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                centered[c] = data[offset + r * cols + c] - mean[c];
            }
            for (int i = 0; i < cols; i++) {
                for (int j = i; j < cols; j++) {
                    covariance[i][j] += centered[i] * centered[j];
                }
            }
        }
        for (int i = 0; i < cols; i++) {
            for (int j = i; j < cols; j++) {
                covariance[i][j] /= rows - 1;
                covariance[j][i] = covariance[i][j];
            }
        }
        EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(covariance, false));
        double[] values = eigen.getRealEigenvalues();
        Integer[] order = IntStream.range(0, cols).boxed().sorted(Comparator.comparingDouble(i -> -values[i])).toArray(Integer[]::new);
        double total = 0;
        for (double v : values) {
            total += Math.max(v, 0);
        }
        double[][] axes = new double[components][];
        double[] ratio = new double[components];
        for (int a = 0; a < components; a++) {
            RealVector v = eigen.getEigenvector(order[a]);
            double[] axis = v.toArray();
            int largest = 0;
            for (int c = 1; c < cols; c++) {
                if (Math.abs(axis[c]) > Math.abs(axis[largest])) {
                    largest = c;
                }
            }
            if (axis[largest] < 0) {
                for (int c = 0; c < cols; c++) {
                    axis[c] = -axis[c];
                }
            }
            axes[a] = axis;
            ratio[a] = total > 0 ? Math.max(values[order[a]], 0) / total : 0;
        }
        return new Projection(mean, axes, ratio);
    }

    /** The {@code k} rows most similar to {@code query} by cosine similarity, itself excluded. */
    public static List<Neighbour> nearest(float[] data, int offset, int rows, int cols, float[] query, int queryOffset,
                                          int exclude, int k) {
        double queryNorm = norm(query, queryOffset, cols);
        List<Neighbour> all = new ArrayList<>(rows);
        for (int r = 0; r < rows; r++) {
            if (r == exclude) {
                continue;
            }
            double dot = 0;
            for (int c = 0; c < cols; c++) {
                dot += (double) data[offset + r * cols + c] * query[queryOffset + c];
            }
            double denominator = norm(data, offset + r * cols, cols) * queryNorm;
            all.add(new Neighbour(r, denominator == 0 ? 0 : dot / denominator));
        }
        all.sort(Comparator.comparingDouble((Neighbour n) -> -n.cosine()).thenComparingInt(Neighbour::index));
        return List.copyOf(all.subList(0, Math.min(k, all.size())));
    }

    private static double norm(float[] a, int offset, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += (double) a[offset + i] * a[offset + i];
        }
        return Math.sqrt(sum);
    }
}
