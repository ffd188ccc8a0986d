package org.nslab.simulation.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
