package org.nslab.simulation.scaling;

import java.util.OptionalDouble;

/**
 * What a training run costs on a {@link TrainingCluster}.
 *
 * @param computeFlops            the training compute C
 * @param sustainedFlopsPerSecond {@code peak · utilization · count}
 * @param wallClockSeconds        {@code C / sustained}
 * @param wallClockDays           the same in days
 * @param acceleratorHours        {@code count · wall-clock hours}
 * @param acceleratorDays         the same in days
 * @param cost                    {@code acceleratorHours · price per accelerator-hour}
 * @param energyKilowattHours     {@code power · count · time · PUE}; empty when the power is unknown
 */
public record TrainingEstimate(double computeFlops, double sustainedFlopsPerSecond, double wallClockSeconds,
                               double wallClockDays, double acceleratorHours, double acceleratorDays, double cost,
                               OptionalDouble energyKilowattHours) {
}
