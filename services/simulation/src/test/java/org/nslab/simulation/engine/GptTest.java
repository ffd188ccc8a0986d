package org.nslab.simulation.engine;

import org.nslab.simulation.validation.Problem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GptTest {

    private static final GptConfig SMALL = new GptConfig(64, 16, 2, 2, 32, 4);

    @Test
    void theLossAtInitializationIsCloseToLnVocabularySize() {
        Gpt model = Gpt.initialize(SMALL, 1);
        int[] tokens = randomTokens(4 * 17, 64, 5);

        double loss = model.forward(tokens, 0, tokens, 1, 4, 16);

        assertEquals(Math.log(64), loss, 0.1);
    }

    @Test
    void aSingleBatchCanBeOverfit() {
        Gpt model = Gpt.initialize(SMALL, 2);
        AdamW optimizer = AdamW.standard(model.layout(), 0f);
        int[] tokens = randomTokens(2 * 17, 64, 9);
        double first = Double.NaN;
        double loss = Double.NaN;
        for (int step = 0; step < 150; step++) {
            model.zeroGradients();
            loss = model.forward(tokens, 0, tokens, 1, 2, 16);
            if (step == 0) {
                first = loss;
            }
            model.backward();
            optimizer.step(model.parameters(), model.gradients(), 3e-3f);
        }
        assertTrue(first > 4.0, "initial loss " + first);
        assertTrue(loss < 0.1, "loss after 150 steps on one batch " + loss);
    }

    @Test
    void attentionRowsSumToOneAndNeverLookAhead() {
        Gpt model = Gpt.initialize(SMALL, 3);
        int[] tokens = randomTokens(16, 64, 4);
        model.forward(tokens, 0, null, 0, 1, 16);
        float[] att = model.activations().att;
        int time = 16;
        for (int row = 0; row < SMALL.layers() * SMALL.heads() * time; row++) {
            int query = row % time;
            double sum = 0;
            for (int key = 0; key < time; key++) {
                float w = att[row * time + key];
                if (key > query) {
                    assertEquals(0f, w, "layer/head row " + row + " attends to a later token " + key);
                }
                assertTrue(w >= 0f);
                sum += w;
            }
            assertEquals(1.0, sum, 1e-5);
        }
    }

    @Test
    void aTokenCannotInfluenceThePredictionsForEarlierPositions() {
        Gpt model = Gpt.initialize(SMALL, 4);
        int[] tokens = randomTokens(16, 64, 6);
        model.forward(tokens, 0, null, 0, 1, 16);
        float[] before = model.activations().probs.clone();
        tokens[10] = (tokens[10] + 1) % 64;
        model.forward(tokens, 0, null, 0, 1, 16);
        float[] after = model.activations().probs;
        for (int i = 0; i < 10 * 64; i++) {
            assertEquals(before[i], after[i], "position " + i / 64);
        }
    }

    @Test
    void theSameSeedGivesTheSameLosses() {
        assertArrayEquals(train(42), train(42));
        double[] other = train(43);
        assertTrue(other[4] != train(42)[4]);
    }

    @Test
    void anInvalidConfigNamesTheField() {
        List<Problem> problems = new GptConfig(64, 16, 2, 3, 32, 4).problems();
        assertEquals("heads", problems.get(0).field());
        assertThrows(IllegalArgumentException.class, () -> Gpt.initialize(new GptConfig(0, 16, 2, 2, 32, 4), 1));
    }

    @Test
    void theWarmUpRisesLinearlyAndTheCosineEndsAtTheMinimum() {
        LearningRateSchedule schedule = new LearningRateSchedule(1e-3f, 1e-4f, 10, 110);
        assertEquals(1e-4f, schedule.at(0), 1e-9);
        assertEquals(1e-3f, schedule.at(9), 1e-9);
        assertEquals(5.5e-4f, schedule.at(60), 1e-6);
        assertEquals(1e-4f, schedule.at(110), 1e-9);
        assertTrue(schedule.at(30) > schedule.at(31));
    }

    @Test
    void clippingScalesTheGlobalNormDownButNeverUp() {
        float[] grads = {3f, 4f};
        assertEquals(5.0, GradientClipping.clip(grads, 1.0), 1e-6);
        assertEquals(1.0, GradientClipping.norm(grads, 0, 2), 1e-4);
        float[] small = {0.3f, 0.4f};
        GradientClipping.clip(small, 1.0);
        assertArrayEquals(new float[] {0.3f, 0.4f}, small);
    }

    private static double[] train(long seed) {
        Gpt model = Gpt.initialize(SMALL, seed);
        AdamW optimizer = AdamW.standard(model.layout(), 0.1f);
        int[] tokens = randomTokens(4 * 17 * 5, 64, seed);
        double[] losses = new double[5];
        for (int step = 0; step < 5; step++) {
            model.zeroGradients();
            losses[step] = model.forward(tokens, step * 68, tokens, step * 68 + 1, 4, 16);
            model.backward();
            GradientClipping.clip(model.gradients(), 1.0);
            optimizer.step(model.parameters(), model.gradients(), 1e-3f);
        }
        return losses;
    }

    static int[] randomTokens(int n, int vocab, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] tokens = new int[n];
        for (int i = 0; i < n; i++) {
            tokens[i] = random.nextInt(vocab);
        }
        return tokens;
    }
}
