package org.nslab.simulation.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * For every MLP neuron of every layer, the corpus positions that activate it most (after GELU): the
 * model reads {@code windows} evenly spaced windows of {@code time} tokens from a token stream and
 * each neuron keeps its {@code k} strongest (activation, position) pairs. Computed once per model
 * and then served from memory; the model passed in is not touched (a copy runs the passes).
 */
public final class NeuronAtlas {

    /** One activating occurrence: the activation, the window's first corpus offset and the position in it. */
    public record Hit(float activation, int windowStart, int position) {
    }

    private final GptConfig config;
    private final int time;
    private final int k;
    private final int[] corpus;
    /** [layer * hidden + neuron][rank] */
    private final Hit[][] hits;
    private final int windows;

    private NeuronAtlas(GptConfig config, int time, int k, int[] corpus, Hit[][] hits, int windows) {
        this.config = config;
        this.time = time;
        this.k = k;
        this.corpus = corpus;
        this.hits = hits;
        this.windows = windows;
    }

    /** Runs a copy of {@code model} over {@code windows} windows of {@code time} tokens of {@code corpus}. */
    public static NeuronAtlas compute(Gpt model, int[] corpus, int windows, int time, int k) {
        GptConfig config = model.config();
        if (time < 2 || time > config.contextLength()) {
            throw new IllegalArgumentException("time must be in 2.." + config.contextLength());
        }
        if (windows < 1 || k < 1 || corpus.length < time) {
            throw new IllegalArgumentException("need at least one window of " + time + " tokens and k >= 1");
        }
        Gpt copy = Gpt.fromParameters(config, model.parameters().clone());
        int layers = config.layers();
        int hidden = config.hidden();
        int n = layers * hidden;
        float[] best = new float[n * k];
        int[] bestWindow = new int[n * k];
        int[] bestPosition = new int[n * k];
        int[] filled = new int[n];
        Arrays.fill(best, Float.NEGATIVE_INFINITY);
        long stride = windows == 1 ? 0 : (long) (corpus.length - time) / (windows - 1);
        int[] window = new int[time];
        for (int w = 0; w < windows; w++) {
            int start = (int) (w * stride);
            System.arraycopy(corpus, start, window, 0, time);
            copy.forward(window, 0, null, 0, 1, time);
            float[] act = copy.activations().fchGelu;
            for (int l = 0; l < layers; l++) {
                for (int p = 0; p < time; p++) {
                    int base = (l * time + p) * hidden;
                    for (int j = 0; j < hidden; j++) {
                        float v = act[base + j];
                        int neuron = l * hidden + j;
                        int slot = neuron * k;
                        if (filled[neuron] == k && v <= best[slot + k - 1]) {
                            continue;
                        }
                        // insertion into the sorted top-k (descending)
                        int i = Math.min(filled[neuron], k - 1);
                        while (i > 0 && best[slot + i - 1] < v) {
                            best[slot + i] = best[slot + i - 1];
                            bestWindow[slot + i] = bestWindow[slot + i - 1];
                            bestPosition[slot + i] = bestPosition[slot + i - 1];
                            i--;
                        }
                        best[slot + i] = v;
                        bestWindow[slot + i] = start;
                        bestPosition[slot + i] = p;
                        filled[neuron] = Math.min(k, filled[neuron] + 1);
                    }
                }
            }
        }
        Hit[][] hits = new Hit[n][];
        for (int neuron = 0; neuron < n; neuron++) {
            hits[neuron] = new Hit[filled[neuron]];
            for (int r = 0; r < filled[neuron]; r++) {
                int s = neuron * k + r;
                hits[neuron][r] = new Hit(best[s], bestWindow[s], bestPosition[s]);
            }
        }
        return new NeuronAtlas(config, time, k, corpus, hits, windows);
    }

    /** The strongest occurrences of one neuron, strongest first. */
    public List<Hit> top(int layer, int neuron) {
        if (layer < 0 || layer >= config.layers() || neuron < 0 || neuron >= config.hidden()) {
            throw new IllegalArgumentException("layer in 0.." + (config.layers() - 1) + ", neuron in 0.." + (config.hidden() - 1));
        }
        return List.of(hits[layer * config.hidden() + neuron]);
    }

    /** The tokens of a hit's window from {@code before} tokens before the position to {@code after} after it (within the window). */
    public int[] context(Hit hit, int before, int after) {
        int from = Math.max(0, hit.position() - before);
        int to = Math.min(time, hit.position() + after + 1);
        return Arrays.copyOfRange(corpus, hit.windowStart() + from, hit.windowStart() + to);
    }

    /** Index of the hit's own token inside {@link #context(Hit, int, int)}. */
    public int contextIndex(Hit hit, int before) {
        return hit.position() - Math.max(0, hit.position() - before);
    }

    public int windows() {
        return windows;
    }

    public int time() {
        return time;
    }

    public int k() {
        return k;
    }

    /** Every neuron's hits, e.g. for checks. */
    public List<List<Hit>> all() {
        List<List<Hit>> list = new ArrayList<>(hits.length);
        for (Hit[] h : hits) {
            list.add(List.of(h));
        }
        return list;
    }
}
