package org.nslab.simulation.engine;

/** Linear warm-up to {@code peak}, then cosine decay to {@code minimum} at {@code totalSteps}. */
public record LearningRateSchedule(float peak, float minimum, int warmupSteps, int totalSteps) {

    /** Learning rate for step {@code step} (0-based). */
    public float at(int step) {
        if (step < warmupSteps) {
            return peak * (step + 1) / warmupSteps;
        }
        if (step >= totalSteps) {
            return minimum;
        }
        double progress = (double) (step - warmupSteps) / Math.max(1, totalSteps - warmupSteps);
        return (float) (minimum + 0.5 * (peak - minimum) * (1 + Math.cos(Math.PI * progress)));
    }
}
