package org.nslab.simulation.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KaplanLawTest {

    private final KaplanLaw law = KaplanLaw.published();

    @Test
    void lossFromParametersFollowsThePowerLaw() {
        // (8.8e13 / 1e9)^0.076
        assertEquals(Math.pow(8.8e4, 0.076), law.lossFromParameters(1e9), 1e-12);
        assertEquals(2.3756, law.lossFromParameters(1e9), 1e-4);
    }

    @Test
    void lossFromTokensFollowsThePowerLaw() {
        // (5.4e13 / 1e10)^0.095
        assertEquals(2.2624, law.lossFromTokens(1e10), 1e-4);
    }

    @Test
    void jointLossIsAboveBothSingleLimits() {
        double joint = law.loss(1e9, 1e10);

        assertEquals(Math.pow(Math.pow(8.8e4, 0.076 / 0.095) + 5.4e3, 0.095), joint, 1e-12);
        assertEquals(2.4838, joint, 1e-4);
        assertTrue(joint > law.lossFromParameters(1e9));
        assertTrue(joint > law.lossFromTokens(1e10));
    }

    @Test
    void jointLossTendsToTheParameterLawWithUnlimitedData() {
        assertEquals(law.lossFromParameters(1e9), law.loss(1e9, 1e17), 1e-3);
    }

    @Test
    void optimalSizeIsOnePointThreeBillionAtOnePetaflopDay() {
        ComputeOptimal optimum = law.optimal(KaplanLaw.PETAFLOP_DAY);

        assertEquals(1.3e9, optimum.parameters(), 1);
        assertEquals(8.64e19 / (6 * 1.3e9), optimum.tokens(), 1);
    }

    @Test
    void optimalSizeGrowsAsComputeToThePowerPointSevenThree() {
        ComputeOptimal smaller = law.optimal(1e21);
        ComputeOptimal larger = law.optimal(1e22);

        assertEquals(Math.pow(10, 0.73), larger.parameters() / smaller.parameters(), 1e-9);
        assertEquals(Math.pow(10, 0.27), larger.tokens() / smaller.tokens(), 1e-9);
        assertEquals(1e22, 6 * larger.parameters() * larger.tokens(), 1e22 * 1e-12);
    }

    @Test
    void kaplanPutsMoreOfTheBudgetIntoParametersThanChinchilla() {
        ComputeOptimal kaplan = law.optimal(5.76e23);
        ComputeOptimal chinchilla = ChinchillaLaw.approach3().optimal(5.76e23);

        assertTrue(kaplan.parameters() > 10 * chinchilla.parameters());
        assertTrue(kaplan.tokensPerParameter() < 1);
    }
}
