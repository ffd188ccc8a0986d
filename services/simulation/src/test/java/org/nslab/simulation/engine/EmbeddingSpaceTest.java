package org.nslab.simulation.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EmbeddingSpaceTest {

    @Test
    void theFirstAxisFollowsTheDirectionOfMostVariance() {
        // points spread along (1, 1, 0) with small noise elsewhere
        SplittableRandom random = new SplittableRandom(1);
        int rows = 200;
        float[] data = new float[rows * 3];
        for (int r = 0; r < rows; r++) {
            double t = random.nextDouble(-10, 10);
            data[r * 3] = (float) (t + random.nextDouble(-0.1, 0.1));
            data[r * 3 + 1] = (float) (t + random.nextDouble(-0.1, 0.1));
            data[r * 3 + 2] = (float) random.nextDouble(-0.5, 0.5);
        }

        EmbeddingSpace.Projection projection = EmbeddingSpace.pca(data, 0, rows, 3, 2);

        assertEquals(Math.sqrt(0.5), projection.axes()[0][0], 1e-2);
        assertEquals(Math.sqrt(0.5), projection.axes()[0][1], 1e-2);
        assertTrue(projection.explainedVarianceRatio()[0] > 0.99, "ratio " + projection.explainedVarianceRatio()[0]);
        double[] point = projection.project(new float[] {1, 1, 0}, 0);
        assertEquals(Math.sqrt(2), point[0] - projection.project(new float[] {0, 0, 0}, 0)[0], 1e-2);
    }

    @Test
    void nearestNeighboursAreRankedByCosineAndExcludeTheQuery() {
        float[] table = {
            1, 0,
            0.9f, 0.1f,
            0, 1,
            -1, 0,
        };
        List<EmbeddingSpace.Neighbour> near = EmbeddingSpace.nearest(table, 0, 4, 2, table, 0, 0, 2);

        assertEquals(List.of(1, 2), near.stream().map(EmbeddingSpace.Neighbour::index).toList());
        assertEquals(0.9 / Math.sqrt(0.82), near.get(0).cosine(), 1e-6);
    }

    @Test
    void aModelsViewPutsItsEmbeddingsAndAPromptsLastContextOnTheSameAxes() {
        GptConfig config = new GptConfig(40, 8, 2, 2, 16, 4);
        Gpt model = Gpt.initialize(config, 3);
        int[] prompt = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};

        EmbeddingSpace.View view = EmbeddingSpace.of(model, prompt, 5, 4);

        EmbeddingSpace.Projection projection = EmbeddingSpace.pca(model.parameters(), model.layout().wte, 40, 16, 3);
        assertEquals(40, view.vocabulary().length);
        for (int t = 0; t < 40; t++) {
            assertArrayEquals(projection.project(model.parameters(), model.layout().wte + t * 16), view.vocabulary()[t], 0.0);
        }
        assertArrayEquals(new int[] {4, 5, 6, 7, 8, 9, 10, 11}, view.promptTokens(), "the last context length of the prompt");
        model.forward(view.promptTokens(), 0, null, 0, 1, 8);
        for (int i = 0; i < 8; i++) {
            assertArrayEquals(projection.project(model.activations().lnf, i * 16), view.prompt()[i], 0.0);
        }
        assertEquals(4, view.neighbours().size());
        assertTrue(view.neighbours().stream().noneMatch(n -> n.index() == 5), "a token is not its own neighbour");
        assertEquals(3, view.explainedVarianceRatio().length);

        EmbeddingSpace.View bare = EmbeddingSpace.of(model, new int[0], -1, 4);
        assertEquals(0, bare.prompt().length);
        assertEquals(List.of(), bare.neighbours());
        assertThrows(IllegalArgumentException.class, () -> EmbeddingSpace.of(model, prompt, 40, 4));
    }
}
