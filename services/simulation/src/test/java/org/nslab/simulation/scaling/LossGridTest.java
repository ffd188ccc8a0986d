package org.nslab.simulation.scaling;

import org.nslab.simulation.validation.Problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LossGridTest {

    @Test
    void gridIsLogSpacedWithExactEnds() {
        LossGrid grid = LossGrid.compute(ChinchillaLaw.approach3(),
                new LossGridRequest(1e6, 1e12, 7, 1e9, 1e13, 5));

        assertEquals(List.of(1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12).size(), grid.parameters().size());
        for (int i = 0; i < 7; i++) {
            assertEquals(Math.pow(10, 6 + i), grid.parameters().get(i), Math.pow(10, 6 + i) * 1e-12);
        }
        assertEquals(1e6, grid.parameters().get(0));
        assertEquals(1e12, grid.parameters().get(6));
        assertEquals(1e9, grid.tokens().get(0));
        assertEquals(1e13, grid.tokens().get(4));
    }

    @Test
    void everyCellIsTheLawsLoss() {
        ChinchillaLaw law = ChinchillaLaw.approach3();

        LossGrid grid = LossGrid.compute(law, new LossGridRequest(1e8, 1e11, 4, 1e10, 1e12, 3));

        assertEquals(4, grid.loss().size());
        assertEquals(3, grid.loss().get(0).size());
        assertEquals(law.loss(1e8, 1e10), grid.loss().get(0).get(0));
        assertEquals(law.loss(1e11, 1e12), grid.loss().get(3).get(2));
        assertEquals(law.label(), grid.law());
    }

    @Test
    void lossFallsAlongBothAxes() {
        LossGrid grid = LossGrid.compute(KaplanLaw.published(), new LossGridRequest(1e6, 1e12, 10, 1e8, 1e13, 10));

        for (int i = 1; i < 10; i++) {
            assertTrue(grid.loss().get(i).get(5) < grid.loss().get(i - 1).get(5));
            assertTrue(grid.loss().get(5).get(i) < grid.loss().get(5).get(i - 1));
        }
    }

    @Test
    void invalidAxesReportTheirFields() {
        LossGridRequest request = new LossGridRequest(1e9, 1e8, 1, 0, 1e12, 101);

        List<String> fields = request.validate().stream().map(Problem::field).toList();

        assertEquals(List.of("maxParameters", "minTokens", "parameterSteps", "tokenSteps"), fields);
        assertThrows(IllegalArgumentException.class, () -> LossGrid.compute(KaplanLaw.published(), request));
    }
}
