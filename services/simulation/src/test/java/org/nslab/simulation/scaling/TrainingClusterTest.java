package org.nslab.simulation.scaling;

import org.nslab.simulation.validation.Problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingClusterTest {

    private static final double BUDGET = 5.76e23;

    @Test
    void wallClockTimeIsComputeOverSustainedThroughput() {
        TrainingCluster cluster = new TrainingCluster(Accelerator.a100(), 1024, 0.4, 2.0, 0, 1);

        TrainingEstimate estimate = cluster.estimate(BUDGET);

        double seconds = BUDGET / (312e12 * 0.4 * 1024);
        assertEquals(312e12 * 0.4 * 1024, estimate.sustainedFlopsPerSecond(), 1);
        assertEquals(seconds, estimate.wallClockSeconds(), 1e-6);
        assertEquals(52.17, estimate.wallClockDays(), 0.01);
        assertEquals(seconds / 3600 * 1024, estimate.acceleratorHours(), 1e-6);
        assertEquals(1_282_051.28, estimate.acceleratorHours(), 0.01);
        assertEquals(estimate.acceleratorHours() / 24, estimate.acceleratorDays(), 1e-9);
        assertEquals(2 * estimate.acceleratorHours(), estimate.cost(), 1e-6);
        assertTrue(estimate.energyKilowattHours().isEmpty());
    }

    @Test
    void energyIsPowerTimesTimeTimesPue() {
        TrainingCluster cluster = new TrainingCluster(Accelerator.h100Sxm(), 256, 0.5, 3.0, 700, 1.2);

        TrainingEstimate estimate = cluster.estimate(1e23);

        double seconds = 1e23 / (989e12 * 0.5 * 256);
        assertEquals(700 * 256 * seconds * 1.2 / 3.6e6, estimate.energyKilowattHours().getAsDouble(), 1e-6);
    }

    @Test
    void doublingTheAcceleratorsHalvesTheTimeButNotTheCost() {
        TrainingEstimate fewer = new TrainingCluster(Accelerator.h100Sxm(), 512, 0.4, 2.5, 0, 1).estimate(BUDGET);
        TrainingEstimate more = new TrainingCluster(Accelerator.h100Sxm(), 1024, 0.4, 2.5, 0, 1).estimate(BUDGET);

        assertEquals(fewer.wallClockSeconds() / 2, more.wallClockSeconds(), 1e-6);
        assertEquals(fewer.cost(), more.cost(), 1e-6);
    }

    @Test
    void acceleratorPresetsCarryTheirDatasheetPeaks() {
        assertEquals(312e12, Accelerator.a100().peakFlopsPerSecond());
        assertEquals(989e12, Accelerator.h100Sxm().peakFlopsPerSecond());
        assertEquals(125e12, Accelerator.v100().peakFlopsPerSecond());
        assertEquals(275e12, Accelerator.tpuV4().peakFlopsPerSecond());
        assertEquals(4, Accelerator.all().size());
        Accelerator.all().forEach(accelerator -> assertTrue(accelerator.source().contains("datasheet")
                || accelerator.source().contains("documentation")));
    }

    @Test
    void invalidClustersReportEveryField() {
        TrainingCluster cluster = new TrainingCluster(new Accelerator("x", 0, 0, "test"), 0, 1.5, -1, -5, 0.9);

        List<String> fields = cluster.validate().stream().map(Problem::field).toList();

        assertEquals(List.of("peakFlopsPerSecond", "count", "utilization", "pricePerAcceleratorHour",
                "powerWatts", "pue"), fields);
    }

    @Test
    void zeroUtilizationIsRefused() {
        TrainingCluster cluster = new TrainingCluster(Accelerator.a100(), 8, 0, 1, 0, 1);

        assertEquals(List.of(new Problem("utilization", "must be greater than 0 and at most 1, was 0.0")),
                cluster.validate());
        assertThrows(IllegalArgumentException.class, () -> cluster.estimate(1e20));
    }

    @Test
    void anOutOfRangeBudgetIsRefused() {
        TrainingCluster cluster = new TrainingCluster(Accelerator.a100(), 8, 0.4, 1, 0, 1);

        assertThrows(IllegalArgumentException.class, () -> cluster.estimate(-1));
        assertThrows(IllegalArgumentException.class, () -> cluster.estimate(2e30));
    }
}
