package org.nslab.simulation.service;

import java.util.Arrays;
import java.util.UUID;
import org.nslab.events.RunState;
import org.nslab.events.TrainingProgressed;
import org.nslab.events.TrainingRunRequested;
import org.nslab.events.TrainingRunRequested.Reason;
import org.nslab.simulation.engine.Trainer;
import org.nslab.simulation.messaging.TrainingProgressPublisher;
import org.nslab.simulation.messaging.TrainingRunRequests;

/**
 * What a run's life tells Kafka: its state changes and every trained step on simulation.training-progressed.v1
 * (the live subscriptions of every replica read it), and that it waits for a worker on
 * simulation.training-run-requested.v1 (the replicas' consumer group). Training never waits for Kafka: a failed send
 * is logged by the publishers, and a run whose request is lost is handed over when its lease runs out.
 */
final class RunLifecycle {

    private final TrainingProgressPublisher progress;
    private final TrainingRunRequests requests;

    RunLifecycle(TrainingProgressPublisher progress, TrainingRunRequests requests) {
        this.progress = progress;
        this.requests = requests;
    }

    /** The run is now in {@code state} (QUEUED, RUNNING, PAUSED, CANCELLED, COMPLETED, …) at {@code step}. */
    void state(UUID runId, String owner, RunState state, int step, int steps) {
        progress.publish(TrainingProgressed.of(runId, owner, state, step, steps, null, null, null, null, null, null));
    }

    /** One step trained: losses, learning rate, gradient norms and speed. */
    void stepped(UUID runId, String owner, int steps, Trainer.StepReport report) {
        Double validation = Double.isNaN(report.validationLoss()) ? null : report.validationLoss();
        progress.publish(TrainingProgressed.of(runId, owner, RunState.RUNNING, report.step(), steps, report.trainLoss(), validation,
                (double) report.learningRate(), report.gradientNorm(),
                Arrays.stream(report.layerGradientNorms()).boxed().toList(), report.tokensPerSecond()));
    }

    /** The run waits for a worker ({@code reason}: STARTED, RESUMED, STEPPED with {@code steps}, HANDED_OVER). */
    void requested(UUID runId, String owner, Reason reason, Integer steps) {
        requests.publish(TrainingRunRequested.of(runId, owner, reason, steps));
    }
}
