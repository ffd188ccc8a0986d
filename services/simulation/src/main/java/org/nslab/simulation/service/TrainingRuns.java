package org.nslab.simulation.service;

import org.nslab.events.RunState;
import org.nslab.events.TrainingRunRequested.Reason;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.nslab.simulation.messaging.TrainingProgressPublisher;
import org.nslab.simulation.messaging.TrainingRunRequests;
import org.nslab.simulation.repository.CheckpointEntity;
import org.nslab.simulation.repository.TrainingRunEntity;
import org.nslab.simulation.training.CheckpointStore;
import org.nslab.simulation.training.RunSettings;
import org.nslab.simulation.validation.Problem;

/**
 * Learners' training runs as jobs, shared by the service's replicas (docs/decisions/0004). PostgreSQL is the source
 * of truth and the queue: a waiting run is a QUEUED row. This class is what the API asks of runs: start one (one
 * active run per learner), pause, resume, step or cancel it (only its owner), read runs and their place in the queue.
 * The rest is one replica's part, in three pieces:
 * <ul>
 *   <li>{@link RunScheduler}: the run table as a queue (claims, leases, claim tokens, hand-overs, wake-ups);</li>
 *   <li>{@link RunWorker}: one run's training loop (throttle, pause and cancel, checkpoint writes);</li>
 *   <li>{@link RunLifecycle}: the run's life on Kafka (state changes and steps; requests for a worker).</li>
 * </ul>
 * The models of runs' checkpoints, for inspection, are {@link CheckpointModels}.
 */
@ApplicationScoped
public class TrainingRuns {

    public enum Action { PAUSE, RESUME, CANCEL, STEP }

    /** A result for the API: the run, or the problems with the request. */
    public record Outcome(TrainingRunEntity run, List<Problem> problems) {
        static Outcome problem(String field, String message) {
            return new Outcome(null, List.of(new Problem(field, message)));
        }
    }

    private final RunRecords records;
    private final LabTokenizer lab;
    private final RunLifecycle lifecycle;
    private final RunScheduler scheduler;

    public TrainingRuns(RunRecords records, LabTokenizer lab, TrainingProgressPublisher publisher, TrainingRunRequests requests,
                        RunsConfig config, ReferenceModelConfig reference,
                        @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.records = records;
        this.lab = lab;
        this.lifecycle = new RunLifecycle(publisher, requests);
        RunWorker worker = new RunWorker(records, lab, lifecycle, CheckpointStore.under(reference.dataDir()), config.lease());
        this.scheduler = new RunScheduler(records, lifecycle, worker, config, bootstrapServers);
    }

    void onStart(@Observes StartupEvent event) {
        start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Joins the replicas' consumer group and starts renewing leases and handing over runs whose lease ran out. */
    public void start() {
        scheduler.start();
    }

    /** Leaves the group and gives back the runs this replica holds, to continue from their last checkpoint elsewhere. */
    public void stop() {
        scheduler.stop();
    }

    /** Stops like a crashed process: no more renewals, nothing written; its leases run out. For tests. */
    public void halt() {
        scheduler.halt();
    }

    /** This replica's name in the run table. */
    public String replica() {
        return scheduler.replica();
    }

    /** The request-topic partitions this replica consumes now. */
    public Set<Integer> partitions() {
        return scheduler.partitions();
    }

    public Outcome start(String owner, RunSettings settings) {
        List<Problem> problems = settings.problems(lab.bpe().vocabularySize());
        if (!problems.isEmpty()) {
            return new Outcome(null, problems);
        }
        if (records.activeRuns(owner) > 0) {
            return Outcome.problem("owner", "this learner already has an active run; finish, pause-and-cancel or wait for it first");
        }
        TrainingRunEntity run = records.create(owner, settings.json(), settings.steps(), scheduler.leaseEnd());
        lifecycle.state(run.id, owner, RunState.QUEUED, 0, settings.steps());
        lifecycle.requested(run.id, owner, Reason.STARTED, null);
        return new Outcome(records.find(run.id).orElseThrow(), List.of());
    }

    public Outcome control(String owner, UUID runId, Action action, int steps) {
        Optional<TrainingRunEntity> found = records.find(runId);
        if (found.isEmpty()) {
            return Outcome.problem("runId", "no training run " + runId);
        }
        TrainingRunEntity run = found.get();
        if (!run.owner.equals(owner)) {
            return Outcome.problem("runId", "this run belongs to another learner");
        }
        switch (action) {
            case CANCEL -> {
                if (!TrainingRunEntity.ACTIVE.contains(run.state)) {
                    return Outcome.problem("action", "the run has already ended (" + run.state + ")");
                }
                // a queued or paused run ends here; a running one is ended by the replica that trains it
                if (records.transition(runId, List.of("QUEUED", "PAUSED"), "CANCELLED", "cancelled by its owner")) {
                    lifecycle.state(runId, owner, RunState.CANCELLED, run.step, run.steps);
                } else if (!records.request(runId, "CANCEL", List.of("RUNNING"))) {
                    return Outcome.problem("action", "the run has just ended");
                }
            }
            case PAUSE -> {
                if (!"RUNNING".equals(run.state) && !"QUEUED".equals(run.state)) {
                    return Outcome.problem("action", "only a running or queued run can be paused (it is " + run.state + ")");
                }
                records.request(runId, "PAUSE", List.of("QUEUED", "RUNNING"));
            }
            case RESUME, STEP -> {
                if (!"PAUSED".equals(run.state)) {
                    return Outcome.problem("action", "only a paused run can be resumed or stepped (it is " + run.state + ")");
                }
                if (action == Action.STEP && (steps < 1 || steps > 1000)) {
                    return Outcome.problem("steps", "steps must be between 1 and 1000");
                }
                Integer pauseAt = action == Action.STEP ? run.step + steps : null;
                if (!records.resume(runId, pauseAt, scheduler.leaseEnd())) {
                    return Outcome.problem("action", "the run is no longer paused");
                }
                lifecycle.requested(runId, owner, action == Action.STEP ? Reason.STEPPED : Reason.RESUMED, action == Action.STEP ? steps : null);
            }
        }
        return new Outcome(records.find(runId).orElseThrow(), List.of());
    }

    public Optional<TrainingRunEntity> find(UUID id) {
        return records.find(id);
    }

    public List<TrainingRunEntity> ofOwner(String owner) {
        return records.ofOwner(owner);
    }

    public List<CheckpointEntity> checkpoints(UUID runId) {
        return records.checkpoints(runId);
    }

    public long queuePosition(UUID runId) {
        return records.queuePosition(runId);
    }
}
