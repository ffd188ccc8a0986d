package org.nslab.simulation.scaling;

import org.nslab.simulation.validation.Problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScalingLimitsTest {

    @Test
    void computeBudgetMustBePositiveAndBelowTenToTheThirty() {
        assertEquals(List.of(), ScalingLimits.checkCompute("computeFlops", 5.76e23));
        assertEquals("computeFlops", ScalingLimits.checkCompute("computeFlops", 0).get(0).field());
        assertEquals(1, ScalingLimits.checkCompute("computeFlops", 1e30).size());
        assertEquals(1, ScalingLimits.checkCompute("computeFlops", Double.POSITIVE_INFINITY).size());
        assertEquals(1, ScalingLimits.checkCompute("computeFlops", Double.NaN).size());
    }

    @Test
    void parametersAndTokensMustBeWithinTheirRanges() {
        assertEquals(List.of(), ScalingLimits.checkParameters("parameters", 70e9));
        assertEquals(List.of(new Problem("parameters", "must be between 1.0 and 1.0E15 parameters, was 0.5")),
                ScalingLimits.checkParameters("parameters", 0.5));
        assertEquals(1, ScalingLimits.checkTokens("tokens", 1e18).size());
        assertEquals(1, ScalingLimits.checkTokens("tokens", -1).size());
    }

    @Test
    void trainingComputeRefusesNegativeTokens() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> TrainingCompute.flops(1e9, -1));

        assertEquals("tokens: must be between 1.0 and 1.0E17 tokens, was -1.0", error.getMessage());
    }
}
