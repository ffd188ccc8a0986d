package org.nslab.simulation.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ChinchillaLawTest {

    private static final double GOPHER_BUDGET = 5.76e23;
    private final ChinchillaLaw law = ChinchillaLaw.approach3();

    @Test
    void chinchillaLossIsAboutOnePointNineFour() {
        // 1.69 + 406.4 / 70e9^0.34 + 410.7 / 1.4e12^0.28 = 1.69 + 0.0836 + 0.1631.
        assertEquals(1.9366, law.loss(70e9, 1.4e12), 1e-4);
    }

    @Test
    void lossApproachesTheIrreducibleTermForHugeModelsAndData() {
        // 406.4 / 1e15^0.34 ≈ 0.003 and 410.7 / 1e17^0.28 ≈ 0.007 remain.
        assertEquals(1.69, law.loss(1e15, 1e17), 0.015);
        assertTrue(law.loss(1e15, 1e17) > 1.69);
    }

    @Test
    void exponentsAndGFollowFromTheFit() {
        assertEquals(0.28 / 0.62, law.parameterExponent(), 1e-12);
        assertEquals(0.34 / 0.62, law.tokenExponent(), 1e-12);
        assertEquals(Math.pow(0.34 * 406.4 / (0.28 * 410.7), 1 / 0.62), law.g(), 1e-12);
        assertEquals(1.3447, law.g(), 1e-4);
    }

    @Test
    void approach3OptimumForGophersBudgetIsAboutThirtyTwoBillionParameters() {
        ComputeOptimal optimum = law.optimal(GOPHER_BUDGET);

        // G · (C/6)^a by hand: 1.3447 · (9.6e22)^0.4516.
        assertEquals(32.19e9, optimum.parameters(), 0.01e9);
        assertEquals(2.982e12, optimum.tokens(), 0.001e12);
        // Approach 3 is known to favour smaller models than Approach 1 (67B) and Chinchilla's 70B.
        assertTrue(optimum.parameters() > 0.4 * 70e9 && optimum.parameters() < 0.5 * 70e9);
    }

    @Test
    void optimumSpendsExactlyTheBudget() {
        for (double budget : new double[] {1e18, 5.76e23, 1e26, 1e29}) {
            ComputeOptimal optimum = law.optimal(budget);

            assertEquals(budget, 6 * optimum.parameters() * optimum.tokens(), budget * 1e-12);
        }
    }

    @Test
    void moreComputeGivesLargerModelsAndMoreTokens() {
        ComputeOptimal smaller = law.optimal(1e22);
        ComputeOptimal larger = law.optimal(1e24);

        assertTrue(larger.parameters() > smaller.parameters());
        assertTrue(larger.tokens() > smaller.tokens());
        // 100x compute: N grows by 100^a, D by 100^b.
        assertEquals(Math.pow(100, law.parameterExponent()), larger.parameters() / smaller.parameters(), 1e-9);
        assertEquals(Math.pow(100, law.tokenExponent()), larger.tokens() / smaller.tokens(), 1e-9);
    }

    @Test
    void theOptimumHasTheLowestLossOnTheBudget() {
        ComputeOptimal optimum = law.optimal(GOPHER_BUDGET);
        double best = law.loss(optimum.parameters(), optimum.tokens());

        for (double factor : new double[] {0.5, 0.8, 1.25, 2}) {
            double n = optimum.parameters() * factor;
            double d = GOPHER_BUDGET / (6 * n);
            assertTrue(law.loss(n, d) > best, "factor " + factor);
        }
    }

    @Test
    void twentyTokensPerParameterGivesChinchillasSize() {
        ComputeOptimal rule = TokensPerParameterRule.chinchilla().optimal(GOPHER_BUDGET);

        // sqrt(5.76e23 / 120) = 69.3e9.
        assertEquals(69.28e9, rule.parameters(), 0.01e9);
        assertEquals(70e9, rule.parameters(), 0.02 * 70e9);
        assertEquals(20, rule.tokensPerParameter(), 1e-9);
        assertEquals(GOPHER_BUDGET, 6 * rule.parameters() * rule.tokens(), GOPHER_BUDGET * 1e-12);
    }

    @Test
    void outOfRangeBudgetsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> law.optimal(0));
        assertThrows(IllegalArgumentException.class, () -> law.optimal(1e30));
        assertThrows(IllegalArgumentException.class, () -> law.optimal(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> law.loss(0, 1e12));
        assertThrows(IllegalArgumentException.class,
                () -> new TokensPerParameterRule(-1).optimal(GOPHER_BUDGET));
    }
}
