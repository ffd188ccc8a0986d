package org.nslab.simulation.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nslab.simulation.engine.Inspection.Candidate;
import org.nslab.simulation.engine.Inspection.Sampling;

class InspectionTest {

    private static final GptConfig CONFIG = new GptConfig(50, 12, 3, 2, 16, 4);
    private static final Sampling PLAIN = new Sampling(1.0, 0, 1.0);

    private static Gpt model() {
        Gpt model = Gpt.initialize(CONFIG, 11);
        float[] p = model.parameters();
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        for (int i = 0; i < p.length; i++) {
            p[i] += (float) random.nextDouble(-0.2, 0.2); // a model with opinions, not a near-uniform one
        }
        return model;
    }

    @Test
    void theLogitLensOfTheLastLayerIsTheModelsOwnPrediction() {
        Gpt model = model();
        Inspection inspection = new Inspection(model, new int[] {3, 14, 15, 9, 26});

        List<Candidate> lens = inspection.logitLens(4, 5).get(CONFIG.layers() - 1);
        List<Candidate> next = inspection.next(4, PLAIN).subList(0, 5);

        assertEquals(next.stream().map(Candidate::token).toList(), lens.stream().map(Candidate::token).toList());
        assertEquals(next.get(0).probability(), lens.get(0).probability(), 1e-5);
        assertEquals(CONFIG.layers(), inspection.logitLens(0, 3).size());
    }

    @Test
    void temperatureTopKAndTopPReshapeTheDistribution() {
        Inspection inspection = new Inspection(model(), new int[] {1, 2, 3});

        List<Candidate> all = inspection.next(2, PLAIN);
        assertEquals(CONFIG.vocabSize(), all.size());
        assertEquals(1.0, all.stream().mapToDouble(Candidate::probability).sum(), 1e-6);
        assertTrue(all.get(0).probability() >= all.get(1).probability());

        List<Candidate> top3 = inspection.next(2, new Sampling(1.0, 3, 1.0));
        assertEquals(all.subList(0, 3).stream().map(Candidate::token).toList(), top3.stream().map(Candidate::token).toList());
        assertEquals(1.0, top3.stream().mapToDouble(Candidate::probability).sum(), 1e-6);

        List<Candidate> nucleus = inspection.next(2, new Sampling(1.0, 0, 0.5));
        double mass = all.subList(0, nucleus.size()).stream().mapToDouble(Candidate::probability).sum();
        double massWithoutLast = mass - all.get(nucleus.size() - 1).probability();
        assertTrue(mass >= 0.5 && massWithoutLast < 0.5, "smallest set reaching 0.5: " + nucleus.size());

        double cold = inspection.next(2, new Sampling(0.05, 0, 1.0)).get(0).probability();
        double hot = inspection.next(2, new Sampling(3.0, 0, 1.0)).get(0).probability();
        assertTrue(cold > all.get(0).probability() && hot < all.get(0).probability(), cold + " / " + hot);
    }

    @Test
    void generationIsReproducibleWithASeedAndRecordsTheAlternatives() {
        Gpt model = model();
        Sampling sampling = new Sampling(1.0, 10, 0.95);
        int[] prompt = {4, 8, 15, 16, 23, 42};

        List<Inspection.GenerationStep> a = Inspection.generate(model, prompt, 10, sampling, 99, 3);
        List<Inspection.GenerationStep> b = Inspection.generate(model, prompt, 10, sampling, 99, 3);
        List<Inspection.GenerationStep> c = Inspection.generate(model, prompt, 10, sampling, 100, 3);

        assertEquals(a.stream().map(Inspection.GenerationStep::token).toList(), b.stream().map(Inspection.GenerationStep::token).toList());
        assertNotEquals(a.stream().map(Inspection.GenerationStep::token).toList(), c.stream().map(Inspection.GenerationStep::token).toList());
        assertEquals(10, a.size(), "the window slides past the context of 12");
        a.forEach(step -> assertEquals(3, step.alternatives().size()));
    }

    @Test
    void residualNormsAttentionAndNeuronsHaveTheShapesOfTheModel() {
        Inspection inspection = new Inspection(model(), new int[] {7, 7, 7, 7});

        double[][] norms = inspection.residualNorms();
        assertEquals(1 + 2 * CONFIG.layers(), norms.length);
        assertEquals(4, norms[0].length);
        assertTrue(norms[3][2] > 0);
        float[][] att = inspection.attention(2, 1);
        assertEquals(0f, att[1][2]);
        assertEquals(1.0, att[3][0] + att[3][1] + att[3][2] + att[3][3], 1e-5);
        List<double[]> neurons = inspection.topNeurons(1, 3, 5);
        assertEquals(5, neurons.size());
        assertTrue(neurons.get(0)[1] >= neurons.get(4)[1]);
        assertEquals(CONFIG.headSize(), inspection.queryKeyValue(0, 1, 2)[2].length);
        assertThrows(IllegalArgumentException.class, () -> inspection.attention(3, 0));
        assertThrows(IllegalArgumentException.class, () -> new Inspection(model(), new int[13]));
    }

    @Test
    void theFocusWeightsAreTheSoftmaxOfTheScaledScoresAndTheOutputTheirSumOfValues() {
        Gpt model = model();
        Inspection inspection = new Inspection(model, new int[] {3, 14, 15, 9, 26, 5});
        int layer = 1;
        int head = 1;
        int position = 3;

        Inspection.Focus focus = inspection.focus(layer, head, position);

        assertEquals(6, focus.keys().length, "every token's key");
        assertEquals(6, focus.values().length);
        assertEquals(position + 1, focus.scores().length, "only the keys the token may see");
        assertArrayEquals(inspection.queryKeyValue(layer, head, position)[0], focus.query());
        for (int p = 0; p < 6; p++) {
            float[][] qkv = inspection.queryKeyValue(layer, head, p);
            assertArrayEquals(qkv[1], focus.keys()[p]);
            assertArrayEquals(qkv[2], focus.values()[p]);
        }
        double max = Double.NEGATIVE_INFINITY;
        for (float score : focus.scores()) {
            max = Math.max(max, score);
        }
        double sum = 0;
        for (float score : focus.scores()) {
            sum += Math.exp(score - max);
        }
        float[] row = inspection.attention(layer, head)[position];
        for (int k = 0; k <= position; k++) {
            double dot = 0;
            for (int i = 0; i < CONFIG.headSize(); i++) {
                dot += (double) focus.query()[i] * focus.keys()[k][i];
            }
            assertEquals(dot / Math.sqrt(CONFIG.headSize()), focus.scores()[k], 1e-5, "score " + k);
            assertEquals(Math.exp(focus.scores()[k] - max) / sum, focus.weights()[k], 1e-5, "weight " + k);
            assertEquals(row[k], focus.weights()[k], "the row of the head's attention matrix");
        }
        for (int i = 0; i < CONFIG.headSize(); i++) {
            double expected = 0;
            for (int k = 0; k <= position; k++) {
                expected += (double) focus.weights()[k] * focus.values()[k][i];
            }
            assertEquals(expected, focus.output()[i], 1e-5, "output " + i);
        }
        assertThrows(IllegalArgumentException.class, () -> inspection.focus(layer, CONFIG.heads(), position));
        assertThrows(IllegalArgumentException.class, () -> inspection.focus(layer, head, 6));
    }

    @Test
    void theHiddenActivationsAreTheOnesTheTopNeuronsAreChosenFrom() {
        Inspection inspection = new Inspection(model(), new int[] {7, 1, 7, 2});

        float[] hidden = inspection.hiddenActivations(2, 1);

        assertEquals(CONFIG.hidden(), hidden.length);
        List<double[]> top = inspection.topNeurons(2, 1, 3);
        for (double[] neuron : top) {
            assertEquals(hidden[(int) neuron[0]], neuron[1], 0.0);
        }
        float best = Float.NEGATIVE_INFINITY;
        for (float h : hidden) {
            best = Math.max(best, h);
        }
        assertEquals(best, top.get(0)[1], 0.0);
        assertTrue(Math.abs(best) > 0, "a model with opinions has active neurons");
    }
}
