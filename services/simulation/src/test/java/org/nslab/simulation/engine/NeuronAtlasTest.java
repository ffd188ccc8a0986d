package org.nslab.simulation.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NeuronAtlasTest {

    private static final GptConfig CONFIG = new GptConfig(50, 16, 2, 2, 16, 4);

    private static int[] corpus(int n) {
        SplittableRandom random = new SplittableRandom(7);
        int[] tokens = new int[n];
        for (int i = 0; i < n; i++) {
            tokens[i] = random.nextInt(CONFIG.vocabSize());
        }
        return tokens;
    }

    @Test
    void eachNeuronKeepsItsStrongestActivationsInOrderAsABruteForceSearchFindsThem() {
        Gpt model = Gpt.initialize(CONFIG, 3);
        int[] corpus = corpus(400);
        int windows = 9;
        int time = 12;
        NeuronAtlas atlas = NeuronAtlas.compute(model, corpus, windows, time, 3);
        int hidden = CONFIG.hidden();
        long stride = (corpus.length - time) / (windows - 1);
        for (int layer = 0; layer < CONFIG.layers(); layer++) {
            for (int neuron : new int[] {0, 17, hidden - 1}) {
                float max = Float.NEGATIVE_INFINITY;
                int maxStart = -1;
                int maxPos = -1;
                for (int w = 0; w < windows; w++) {
                    int start = (int) (w * stride);
                    int[] window = java.util.Arrays.copyOfRange(corpus, start, start + time);
                    model.forward(window, 0, null, 0, 1, time);
                    float[] act = model.activations().fchGelu;
                    for (int p = 0; p < time; p++) {
                        float v = act[(layer * time + p) * hidden + neuron];
                        if (v > max) {
                            max = v;
                            maxStart = start;
                            maxPos = p;
                        }
                    }
                }
                List<NeuronAtlas.Hit> top = atlas.top(layer, neuron);
                assertEquals(3, top.size());
                assertEquals(max, top.get(0).activation(), 1e-6);
                assertEquals(maxStart, top.get(0).windowStart());
                assertEquals(maxPos, top.get(0).position());
                assertTrue(top.get(0).activation() >= top.get(1).activation() && top.get(1).activation() >= top.get(2).activation());
            }
        }
    }

    @Test
    void aHitsContextIsTheCorpusAroundItsToken() {
        int[] corpus = corpus(200);
        NeuronAtlas atlas = NeuronAtlas.compute(Gpt.initialize(CONFIG, 1), corpus, 4, 10, 2);
        NeuronAtlas.Hit hit = atlas.top(1, 5).get(0);
        int[] context = atlas.context(hit, 3, 2);
        int index = atlas.contextIndex(hit, 3);
        assertEquals(corpus[hit.windowStart() + hit.position()], context[index]);
        int from = Math.max(0, hit.position() - 3);
        assertArrayEquals(java.util.Arrays.copyOfRange(corpus, hit.windowStart() + from,
                hit.windowStart() + Math.min(10, hit.position() + 3)), context);
    }

    @Test
    void outOfRangeNeuronsAndWindowsAreRefused() {
        NeuronAtlas atlas = NeuronAtlas.compute(Gpt.initialize(CONFIG, 1), corpus(100), 2, 8, 1);
        assertThrows(IllegalArgumentException.class, () -> atlas.top(2, 0));
        assertThrows(IllegalArgumentException.class, () -> atlas.top(0, CONFIG.hidden()));
        assertThrows(IllegalArgumentException.class, () -> NeuronAtlas.compute(Gpt.initialize(CONFIG, 1), corpus(100), 2, 17, 1));
    }
}
