package org.nslab.simulation.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What the levels show of a model's insides, read from one forward pass over a prompt: attention
 * weights, residual-stream norms, MLP activations, the logit lens and the next-token distribution
 * with temperature, top-k and top-p; and generation that records the alternatives at each step.
 */
public final class Inspection {

    /** A candidate token and its probability. */
    public record Candidate(int token, double probability) {
    }

    /** One generated token and the candidates it was drawn from. */
    public record GenerationStep(int token, double probability, List<Candidate> alternatives) {
    }

    /**
     * One token in one head, as the microscope draws it: its query, every token's key and value, the scaled scores
     * q·k/√d of the keys it may see (0..position), their softmax (the head's attention weights) and the head's output,
     * the weighted sum of the values.
     */
    public record Focus(int layer, int head, int position, float[] query, float[][] keys, float[][] values, float[] scores,
                        float[] weights, float[] output) {
    }

    /** How the next token is drawn: temperature > 0; topK 0 = all; topP in (0, 1]. */
    public record Sampling(double temperature, int topK, double topP) {
        public Sampling {
            if (!(temperature > 0 && temperature <= 10)) {
                throw new IllegalArgumentException("temperature must be in (0, 10], got " + temperature);
            }
            if (topK < 0) {
                throw new IllegalArgumentException("topK must be 0 (all) or positive, got " + topK);
            }
            if (!(topP > 0 && topP <= 1)) {
                throw new IllegalArgumentException("topP must be in (0, 1], got " + topP);
            }
        }
    }

    private final Gpt model;
    private final int[] tokens;

    /** Runs the model over {@code tokens} (at most its context length). */
    public Inspection(Gpt model, int[] tokens) {
        if (tokens.length == 0 || tokens.length > model.config().contextLength()) {
            throw new IllegalArgumentException("a prompt has 1 to " + model.config().contextLength() + " tokens, got " + tokens.length);
        }
        this.model = model;
        this.tokens = tokens.clone();
        model.forward(this.tokens, 0, null, 0, 1, tokens.length);
    }

    /** Attention weights of one head: [query][key], rows sum to 1, zero above the diagonal. */
    public float[][] attention(int layer, int head) {
        checkLayer(layer);
        checkHead(head);
        int t = tokens.length;
        int base = (layer * model.config().heads() + head) * t * t;
        float[][] weights = new float[t][];
        for (int q = 0; q < t; q++) {
            weights[q] = Arrays.copyOfRange(model.activations().att, base + q * t, base + (q + 1) * t);
        }
        return weights;
    }

    /** Query, key and value vectors of one token in one head. */
    public float[][] queryKeyValue(int layer, int head, int position) {
        checkLayer(layer);
        checkHead(head);
        checkPosition(position);
        int c = model.config().width();
        int hs = model.config().headSize();
        int base = (layer * tokens.length + position) * 3 * c + head * hs;
        float[] qkv = model.activations().qkv;
        return new float[][] {
            Arrays.copyOfRange(qkv, base, base + hs),
            Arrays.copyOfRange(qkv, base + c, base + c + hs),
            Arrays.copyOfRange(qkv, base + 2 * c, base + 2 * c + hs),
        };
    }

    /**
     * The focus token {@code position} in one head: its query, every token's key and value, its scaled scores and
     * attention weights over the keys 0..position, and the head's output for it (before the output projection).
     */
    public Focus focus(int layer, int head, int position) {
        checkLayer(layer);
        checkHead(head);
        checkPosition(position);
        int t = tokens.length;
        int c = model.config().width();
        int hs = model.config().headSize();
        Gpt.Activations a = model.activations();
        float[][] keys = new float[t][];
        float[][] values = new float[t][];
        for (int p = 0; p < t; p++) {
            int base = (layer * t + p) * 3 * c + head * hs;
            keys[p] = Arrays.copyOfRange(a.qkv, base + c, base + c + hs);
            values[p] = Arrays.copyOfRange(a.qkv, base + 2 * c, base + 2 * c + hs);
        }
        int queryBase = (layer * t + position) * 3 * c + head * hs;
        float[] query = Arrays.copyOfRange(a.qkv, queryBase, queryBase + hs);
        float scale = (float) (1.0 / Math.sqrt(hs));
        float[] scores = new float[position + 1];
        for (int k = 0; k <= position; k++) {
            float dot = 0;
            for (int i = 0; i < hs; i++) {
                dot += query[i] * keys[k][i];
            }
            scores[k] = dot * scale;
        }
        int row = ((layer * model.config().heads() + head) * t + position) * t;
        float[] weights = Arrays.copyOfRange(a.att, row, row + position + 1);
        int outBase = (layer * t + position) * c + head * hs;
        float[] output = Arrays.copyOfRange(a.atty, outBase, outBase + hs);
        return new Focus(layer, head, position, query, keys, values, scores, weights, output);
    }

    /** The MLP activations (after GELU) of a token in a layer: {@code hidden} numbers. */
    public float[] hiddenActivations(int layer, int position) {
        checkLayer(layer);
        checkPosition(position);
        int h = model.config().hidden();
        int base = (layer * tokens.length + position) * h;
        return Arrays.copyOfRange(model.activations().fchGelu, base, base + h);
    }

    /**
     * L2 norm of the residual stream of each token: [sub-layer][position], where sub-layer 0 is the
     * embedding, then after each attention and each MLP (1 + 2·layers rows).
     */
    public double[][] residualNorms() {
        int t = tokens.length;
        int c = model.config().width();
        int layers = model.config().layers();
        Gpt.Activations a = model.activations();
        double[][] norms = new double[1 + 2 * layers][t];
        for (int p = 0; p < t; p++) {
            norms[0][p] = norm(a.encoded, p * c, c);
            for (int l = 0; l < layers; l++) {
                norms[1 + 2 * l][p] = norm(a.residual2, (l * t + p) * c, c);
                norms[2 + 2 * l][p] = norm(a.residual3, (l * t + p) * c, c);
            }
        }
        return norms;
    }

    /** The {@code k} most active MLP neurons (after GELU) for a token in a layer, as (neuron, activation). */
    public List<double[]> topNeurons(int layer, int position, int k) {
        checkLayer(layer);
        checkPosition(position);
        int h = model.config().hidden();
        int base = (layer * tokens.length + position) * h;
        float[] act = model.activations().fchGelu;
        return Arrays.stream(largest(act, base, h, k)).mapToObj(i -> new double[] {i, act[base + i]}).toList();
    }

    /**
     * The indices (0..n-1) of the k largest of {@code values[offset..offset+n)}, largest first, ties by the lower
     * index: the order of a full sort by descending value, in O(n·k) without boxing (k is small here).
     */
    static int[] largest(float[] values, int offset, int n, int k) {
        int m = Math.max(0, Math.min(k, n));
        int[] best = new int[m];
        if (m == 0) {
            return best;
        }
        int size = 0;
        for (int i = 0; i < n; i++) {
            float v = values[offset + i];
            if (size == m && !before(v, values[offset + best[m - 1]])) {
                continue; // not above the last kept (equal values keep the earlier index)
            }
            int at = size == m ? m - 1 : size++;
            while (at > 0 && before(v, values[offset + best[at - 1]])) {
                best[at] = best[at - 1];
                at--;
            }
            best[at] = i;
        }
        return best;
    }

    /** a comes strictly before b in descending order (NaN last, as Double.compare orders -a). */
    private static boolean before(float a, float b) {
        return Double.compare(-(double) a, -(double) b) < 0;
    }

    /**
     * The logit lens (nostalgebraist, 2020): the residual stream after each block read out through the
     * final LayerNorm and the output head, as if the model stopped there; top {@code k} for a position.
     */
    public List<List<Candidate>> logitLens(int position, int k) {
        checkPosition(position);
        GptConfig config = model.config();
        int c = config.width();
        float[] params = model.parameters();
        ParameterLayout layout = model.layout();
        List<List<Candidate>> lens = new ArrayList<>();
        float[] normalized = new float[c];
        float[] logits = new float[config.vocabSize()];
        float[] probs = new float[config.vocabSize()];
        for (int l = 0; l < config.layers(); l++) {
            Ops.layerNormForward(normalized, 0, new float[1], new float[1], 0, model.activations().residual3,
                    (l * tokens.length + position) * c, params, layout.lnfWeight, layout.lnfBias, 1, c);
            Ops.matmulForward(logits, 0, normalized, 0, params, layout.wte, -1, 1, c, config.vocabSize());
            Ops.softmaxForward(probs, logits, 1, config.vocabSize());
            lens.add(top(probs, 0, config.vocabSize(), k));
        }
        return lens;
    }

    /** The model's distribution for the token after {@code position}, reshaped by {@code sampling}, best first. */
    public List<Candidate> next(int position, Sampling sampling) {
        checkPosition(position);
        int vocab = model.config().vocabSize();
        return reshape(model.activations().logits, position * vocab, vocab, sampling);
    }

    /**
     * Generates up to {@code count} tokens after the prompt with a seeded sampler, recording the
     * {@code alternatives} best candidates at each step (the "branching predictions"). The window
     * slides when the context is full.
     */
    public static List<GenerationStep> generate(Gpt model, int[] prompt, int count, Sampling sampling, long seed, int alternatives) {
        int context = model.config().contextLength();
        SplittableRandom random = new SplittableRandom(seed);
        List<Integer> sequence = new ArrayList<>();
        for (int token : prompt) {
            sequence.add(token);
        }
        List<GenerationStep> steps = new ArrayList<>();
        int vocab = model.config().vocabSize();
        for (int i = 0; i < count; i++) {
            int from = Math.max(0, sequence.size() - context);
            int[] window = sequence.subList(from, sequence.size()).stream().mapToInt(Integer::intValue).toArray();
            model.forward(window, 0, null, 0, 1, window.length);
            List<Candidate> candidates = reshape(model.activations().logits, (window.length - 1) * vocab, vocab, sampling);
            double u = random.nextDouble();
            Candidate chosen = candidates.get(candidates.size() - 1);
            double cumulative = 0;
            for (Candidate candidate : candidates) {
                cumulative += candidate.probability();
                if (u < cumulative) {
                    chosen = candidate;
                    break;
                }
            }
            steps.add(new GenerationStep(chosen.token(), chosen.probability(),
                    candidates.subList(0, Math.min(alternatives, candidates.size()))));
            sequence.add(chosen.token());
        }
        return steps;
    }

    /** Softmax of logits / temperature, cut to the top k and to the smallest set whose mass reaches top p, renormalized. */
    static List<Candidate> reshape(float[] logits, int offset, int vocab, Sampling sampling) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < vocab; i++) {
            max = Math.max(max, logits[offset + i] / sampling.temperature());
        }
        double[] p = new double[vocab];
        double sum = 0;
        for (int i = 0; i < vocab; i++) {
            p[i] = Math.exp(logits[offset + i] / sampling.temperature() - max);
            sum += p[i];
        }
        Integer[] order = new Integer[vocab];
        for (int i = 0; i < vocab; i++) {
            order[i] = i;
            p[i] /= sum;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -p[i]).thenComparing(i -> i));
        int keep = sampling.topK() == 0 ? vocab : Math.min(sampling.topK(), vocab);
        double mass = 0;
        int n = 0;
        while (n < keep) {
            mass += p[order[n]];
            n++;
            if (mass >= sampling.topP()) {
                break;
            }
        }
        List<Candidate> kept = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            kept.add(new Candidate(order[i], p[order[i]] / mass));
        }
        return kept;
    }

    private static List<Candidate> top(float[] probs, int offset, int vocab, int k) {
        return Arrays.stream(largest(probs, offset, vocab, k)).mapToObj(i -> new Candidate(i, probs[offset + i])).toList();
    }

    private static double norm(float[] a, int offset, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += (double) a[offset + i] * a[offset + i];
        }
        return Math.sqrt(sum);
    }

    private void checkLayer(int layer) {
        if (layer < 0 || layer >= model.config().layers()) {
            throw new IllegalArgumentException("layer must be in 0.." + (model.config().layers() - 1));
        }
    }

    private void checkHead(int head) {
        if (head < 0 || head >= model.config().heads()) {
            throw new IllegalArgumentException("head must be in 0.." + (model.config().heads() - 1));
        }
    }

    private void checkPosition(int position) {
        if (position < 0 || position >= tokens.length) {
            throw new IllegalArgumentException("position must be in 0.." + (tokens.length - 1));
        }
    }
}
