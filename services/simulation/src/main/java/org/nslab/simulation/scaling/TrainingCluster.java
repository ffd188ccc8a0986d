package org.nslab.simulation.scaling;

import org.nslab.simulation.validation.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Accelerators that train a model together, and what they cost.
 *
 * <p>Wall-clock time is {@code C / (peak · utilization · count)}, where the utilization is the model FLOPs
 * utilization (MFU, as defined by Chowdhery et al. 2022, "PaLM"): the share of the peak the training FLOPs
 * {@code C = 6ND} actually achieve, typically 0.3 to 0.6. Accelerator-hours are {@code count · hours}, cost is
 * accelerator-hours times the hourly price. Energy is {@code power · count · time · PUE}, where the power usage
 * effectiveness (PUE ≥ 1) adds cooling and other overhead of the data centre.
 *
 * @param accelerator             the chip
 * @param count                   how many, 1..10,000,000
 * @param utilization             MFU, above 0 and at most 1
 * @param pricePerAcceleratorHour price of one accelerator for one hour, any currency, 0..1,000,000
 * @param powerWatts              power drawn per accelerator, 0..100,000 W; 0 means unknown and gives no energy
 * @param pue                     power usage effectiveness, 1..10
 */
public record TrainingCluster(Accelerator accelerator, int count, double utilization, double pricePerAcceleratorHour,
                              double powerWatts, double pue) {

    public static final int MAX_COUNT = 10_000_000;
    public static final double MAX_PEAK_FLOPS = 1e18;
    public static final double MAX_PRICE = 1e6;
    public static final double MAX_POWER_WATTS = 1e5;
    public static final double MAX_PUE = 10;

    /** Every problem with this cluster, empty when it is valid. */
    public List<Problem> validate() {
        List<Problem> problems = new ArrayList<>();
        if (accelerator == null) {
            problems.add(new Problem("accelerator", "must be given"));
        } else if (!(accelerator.peakFlopsPerSecond() > 0 && accelerator.peakFlopsPerSecond() <= MAX_PEAK_FLOPS)) {
            problems.add(new Problem("peakFlopsPerSecond", "must be greater than 0 and at most 1e18 FLOP/s, was "
                    + accelerator.peakFlopsPerSecond()));
        }
        if (count < 1 || count > MAX_COUNT) {
            problems.add(new Problem("count", "must be between 1 and " + MAX_COUNT + ", was " + count));
        }
        if (!(utilization > 0 && utilization <= 1)) {
            problems.add(new Problem("utilization", "must be greater than 0 and at most 1, was " + utilization));
        }
        problems.addAll(ScalingLimits.checkBetween("pricePerAcceleratorHour", pricePerAcceleratorHour, 0, MAX_PRICE,
                "per accelerator-hour"));
        problems.addAll(ScalingLimits.checkBetween("powerWatts", powerWatts, 0, MAX_POWER_WATTS, "W"));
        problems.addAll(ScalingLimits.checkBetween("pue", pue, 1, MAX_PUE, ""));
        return List.copyOf(problems);
    }

    /** FLOP/s the whole cluster sustains: {@code peak · utilization · count}. */
    public double sustainedFlopsPerSecond() {
        return accelerator.peakFlopsPerSecond() * utilization * count;
    }

    /**
     * Time, accelerator-hours, cost and energy to spend {@code computeFlops}; throws
     * {@link IllegalArgumentException} when the cluster or the budget is invalid.
     */
    public TrainingEstimate estimate(double computeFlops) {
        List<Problem> problems = new ArrayList<>(validate());
        problems.addAll(ScalingLimits.checkCompute("computeFlops", computeFlops));
        Problem.requireNone(problems);

        double sustained = sustainedFlopsPerSecond();
        double seconds = computeFlops / sustained;
        double hours = seconds / 3600;
        double acceleratorHours = hours * count;
        OptionalDouble energy = powerWatts > 0
                ? OptionalDouble.of(powerWatts * count * seconds * pue / 3.6e6)
                : OptionalDouble.empty();
        return new TrainingEstimate(computeFlops, sustained, seconds, hours / 24, acceleratorHours,
                acceleratorHours / 24, acceleratorHours * pricePerAcceleratorHour, energy);
    }
}
