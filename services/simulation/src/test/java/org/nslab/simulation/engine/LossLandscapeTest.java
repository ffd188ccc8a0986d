package org.nslab.simulation.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LossLandscapeTest {

    private static final GptConfig CONFIG = new GptConfig(32, 8, 2, 2, 16, 4);

    @Test
    void aTrainedModelSitsInAValleyOfTheSliceAndItsParametersAreRestored() {
        Gpt model = Gpt.initialize(CONFIG, 1);
        int[] tokens = GptTest.randomTokens(4 * 9, 32, 2);
        AdamW optimizer = AdamW.standard(model.layout(), 0f);
        for (int step = 0; step < 60; step++) {
            model.zeroGradients();
            model.forward(tokens, 0, tokens, 1, 4, 8);
            model.backward();
            optimizer.step(model.parameters(), model.gradients(), 1e-2f);
        }
        float[] trained = model.parameters().clone();
        int[] points = {0};

        LossLandscape.Surface surface = new LossLandscape(model, 3).evaluate(7, 1.0, tokens, shifted(tokens), 4, 8, done -> points[0] = done);

        assertEquals(49, points[0]);
        assertEquals(surface.centerLoss(), surface.losses()[3][3], 1e-5);
        double corners = (surface.losses()[0][0] + surface.losses()[0][6] + surface.losses()[6][0] + surface.losses()[6][6]) / 4;
        assertTrue(corners > surface.centerLoss() + 0.5, "center " + surface.centerLoss() + ", corners " + corners);
        assertArrayEquals(trained, model.parameters());
    }

    @Test
    void directionsAreFilterNormalizedAndCheckpointsProjectOntoThePlane() {
        Gpt model = Gpt.initialize(CONFIG, 5);
        LossLandscape landscape = new LossLandscape(model, 9);
        float[] d1 = landscape.firstDirection();
        ParameterLayout layout = model.layout();
        int fc = layout.block(0, ParameterLayout.FC_W);
        int cols = CONFIG.width();
        double rowOfTheta = GradientClipping.norm(model.parameters(), fc, fc + cols);
        double rowOfDirection = GradientClipping.norm(d1, fc, fc + cols);
        assertEquals(rowOfTheta, rowOfDirection, 1e-4 * rowOfTheta);
        assertEquals(0.0, GradientClipping.norm(d1, layout.lnfWeight, layout.lnfBias + CONFIG.width()));

        float[] moved = model.parameters().clone();
        for (int i = 0; i < moved.length; i++) {
            moved[i] += 0.3f * d1[i];
        }
        List<double[]> path = landscape.trajectory(List.of(model.parameters(), moved));
        assertEquals(0.0, path.get(0)[0], 1e-9);
        assertEquals(0.3, path.get(1)[0], 1e-3);
        assertEquals(0.0, path.get(1)[1], 1e-3);
    }

    /** The next-token targets of the first 4 × 8 tokens. */
    private static int[] shifted(int[] tokens) {
        int[] targets = new int[4 * 8];
        System.arraycopy(tokens, 1, targets, 0, targets.length);
        return targets;
    }
}
