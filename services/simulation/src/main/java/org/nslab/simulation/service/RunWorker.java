package org.nslab.simulation.service;

import org.nslab.events.RunState;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.nslab.simulation.engine.Gpt;
import org.nslab.simulation.engine.Trainer;
import org.nslab.simulation.repository.CheckpointEntity;
import org.nslab.simulation.repository.TrainingRunEntity;
import org.nslab.simulation.training.CheckpointStore;
import org.nslab.simulation.training.RunSettings;

/**
 * One replica's training of the runs it claimed, one run per call of {@link #train} on a worker thread: it continues
 * the run from its latest checkpoint, trains step by step (throttled when the learner asked for it), reads the run's
 * row every 200 ms for a pause or cancel and for its own claim token, writes checkpoints (every
 * {@code checkpointEvery} steps, on pause and at the end) and lets the run go in its new state. It writes only under
 * its claim token: a worker that finds another token stops without writing (see docs/decisions/0004).
 */
final class RunWorker {

    private static final Logger LOG = Logger.getLogger(RunWorker.class);

    /** How often the worker reads the run's row for pause and cancel requests. */
    private static final long CONTROL_POLL_NANOS = 200_000_000L;

    private final RunRecords records;
    private final LabTokenizer lab;
    private final RunLifecycle lifecycle;
    private final CheckpointStore store;
    private final Duration lease;
    /** Set when the replica stops abruptly: workers leave the database as it is, like a crashed process. */
    private volatile boolean halted;

    RunWorker(RunRecords records, LabTokenizer lab, RunLifecycle lifecycle, CheckpointStore store, Duration lease) {
        this.records = records;
        this.lab = lab;
        this.lifecycle = lifecycle;
        this.store = store;
        this.lease = lease;
    }

    /** From now on, write nothing more: the replica behaves like a crashed process. */
    void halt() {
        halted = true;
    }

    boolean halted() {
        return halted;
    }

    /** Trains the claimed run until it ends, pauses, is cancelled, is lost to another claim or the replica stops. */
    void train(RunRecords.Claim claim) {
        if (halted) {
            return;
        }
        UUID runId = claim.runId();
        TrainingRunEntity run = records.find(runId).orElse(null);
        if (run == null || !"QUEUED".equals(run.state) || !claim.token().equals(run.claim)) {
            return;
        }
        if ("CANCEL".equals(run.requestedAction)) {
            release(run, "CANCELLED", "cancelled by its owner", run.step);
            return;
        }
        try {
            RunSettings settings = RunSettings.fromJson(run.settings);
            int vocabulary = lab.bpe().vocabularySize();
            Gpt model = Gpt.initialize(settings.model(vocabulary), settings.seed());
            Optional<CheckpointEntity> latest = records.latestCheckpoint(runId);
            Trainer trainer = latest.isPresent()
                    ? Trainer.restore(model, settings.training(), lab.dataset(), store.read(latest.get().blob))
                    : new Trainer(model, settings.training(), lab.dataset());
            if (!records.startRunning(runId, run.claim, Instant.now().plus(lease))) {
                return;
            }
            lifecycle.state(runId, run.owner, RunState.RUNNING, trainer.stepsDone(), settings.steps());
            Trainer.StepReport report = null;
            long lastPoll = 0;
            String request = run.requestedAction;
            while (!trainer.finished()) {
                if (halted) {
                    return;
                }
                if (Thread.currentThread().isInterrupted()) {
                    // this replica stops: give the run back, to continue from its last checkpoint
                    giveBack(run);
                    return;
                }
                if (System.nanoTime() - lastPoll > CONTROL_POLL_NANOS) {
                    lastPoll = System.nanoTime();
                    request = records.requestFor(runId, run.claim).orElse(null);
                }
                if ("LOST".equals(request)) {
                    LOG.warnf("training run %s: this replica lost its lease; another one continues it", runId);
                    return;
                }
                if ("CANCEL".equals(request)) {
                    release(run, "CANCELLED", "cancelled by its owner", trainer.stepsDone());
                    return;
                }
                if ("PAUSE".equals(request) || (run.pauseAtStep != null && trainer.stepsDone() >= run.pauseAtStep)) {
                    saveCheckpoint(runId, trainer, report);
                    if (report != null) {
                        records.progress(runId, trainer.stepsDone(), report.trainLoss(), trainer.bestValidationLoss());
                    }
                    release(run, "PAUSED", null, trainer.stepsDone());
                    return;
                }
                report = trainer.step();
                lifecycle.stepped(runId, run.owner, settings.steps(), report);
                if (!Double.isNaN(report.validationLoss()) || report.step() % 10 == 0) {
                    records.progress(runId, report.step(), report.trainLoss(), trainer.bestValidationLoss());
                }
                if (report.step() % settings.checkpointEvery() == 0) {
                    saveCheckpoint(runId, trainer, report);
                }
                if (settings.throttleMillis() > 0) {
                    Thread.sleep(settings.throttleMillis());
                }
            }
            saveCheckpoint(runId, trainer, report);
            records.progress(runId, trainer.stepsDone(), report == null ? Double.NaN : report.trainLoss(), trainer.bestValidationLoss());
            release(run, report != null && report.stoppedEarly() ? "STOPPED_EARLY" : "COMPLETED", null, trainer.stepsDone());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (!halted) {
                giveBack(run);
            }
        } catch (IOException | RuntimeException e) {
            if (halted) {
                return;
            }
            LOG.error("training run " + runId + " failed", e);
            release(run, "FAILED", "the run failed; its last checkpoint is kept", run.step);
        }
    }

    private void saveCheckpoint(UUID runId, Trainer trainer, Trainer.StepReport report) throws IOException {
        if (trainer.stepsDone() == 0) {
            return;
        }
        String blob = store.write(runId, trainer.state());
        records.checkpoint(runId, trainer.stepsDone(), report == null ? null : report.trainLoss(),
                report == null || Double.isNaN(report.validationLoss()) ? null : report.validationLoss(), blob);
    }

    /** Lets the run go in a final or paused state and tells the followers. */
    private void release(TrainingRunEntity run, String state, String message, int step) {
        records.release(run.id, run.claim, state, message);
        lifecycle.state(run.id, run.owner, RunState.valueOf(state), step, run.steps);
    }

    /** Gives the run back to the queue with an ended lease, so the next tending of any replica hands it over. */
    private void giveBack(TrainingRunEntity run) {
        records.giveBack(run.id, run.claim, "its replica stopped; continuing from the last checkpoint");
    }
}
