package org.nslab.simulation.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The top-k selection behind top neurons and the logit lens orders exactly as a full sort would. */
class InspectionLargestTest {

    private static int[] bySort(float[] v, int offset, int n, int k) {
        return IntStream.range(0, n).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -v[offset + i]).thenComparing(i -> i))
                .limit(k).mapToInt(Integer::intValue).toArray();
    }

    @Test
    void theKLargestComeLargestFirstWithTiesByIndexLikeAFullSort() {
        SplittableRandom random = new SplittableRandom(8);
        for (int round = 0; round < 200; round++) {
            int n = 1 + random.nextInt(300);
            float[] v = new float[n + 7];
            for (int i = 0; i < v.length; i++) {
                v[i] = random.nextInt(4) == 0 ? random.nextInt(3) : (float) random.nextGaussian(); // many ties
            }
            if (round % 10 == 0) {
                v[7 + random.nextInt(n)] = Float.NaN;
            }
            int k = 1 + random.nextInt(25);
            assertArrayEquals(bySort(v, 7, n, k), Inspection.largest(v, 7, n, k), "round " + round);
        }
    }

    @Test
    void askingForMoreThanThereAreGivesThemAllAndZeroGivesNone() {
        float[] v = {0.5f, -1f, 2f};
        assertArrayEquals(new int[] {2, 0, 1}, Inspection.largest(v, 0, 3, 10));
        assertArrayEquals(new int[0], Inspection.largest(v, 0, 3, 0));
    }
}
