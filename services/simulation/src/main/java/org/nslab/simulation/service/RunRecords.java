package org.nslab.simulation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.nslab.simulation.repository.CheckpointEntity;
import org.nslab.simulation.repository.TrainingRunEntity;

/** The transactions on training runs and checkpoints, for the API and the worker threads alike. */
@ApplicationScoped
public class RunRecords {

    @Transactional
    public TrainingRunEntity create(String owner, String settingsJson, int steps) {
        TrainingRunEntity run = new TrainingRunEntity();
        run.id = UUID.randomUUID();
        run.owner = owner;
        run.state = "QUEUED";
        run.settings = settingsJson;
        run.steps = steps;
        run.createdAt = Instant.now();
        run.updatedAt = run.createdAt;
        run.persist();
        return run;
    }

    @Transactional
    public long activeRuns(String owner) {
        return TrainingRunEntity.activeFor(owner);
    }

    @Transactional
    public Optional<TrainingRunEntity> find(UUID id) {
        return TrainingRunEntity.findByIdOptional(id);
    }

    @Transactional
    public long queuePosition(UUID id) {
        return TrainingRunEntity.<TrainingRunEntity>findByIdOptional(id).map(TrainingRunEntity::queuePosition).orElse(0L);
    }

    @Transactional
    public List<TrainingRunEntity> ofOwner(String owner) {
        return TrainingRunEntity.list("owner = ?1 order by createdAt desc", owner);
    }

    /** Runs to continue after a restart, oldest first; running ones go back to the queue. */
    @Transactional
    public List<TrainingRunEntity> toRecover() {
        TrainingRunEntity.update("state = 'QUEUED', updatedAt = ?1 where state = 'RUNNING'", Instant.now());
        return TrainingRunEntity.list("state = 'QUEUED' order by createdAt");
    }

    @Transactional
    public void state(UUID id, String state, String message) {
        TrainingRunEntity run = TrainingRunEntity.findById(id);
        run.state = state;
        run.message = message;
        run.updatedAt = Instant.now();
    }

    @Transactional
    public void progress(UUID id, int step, double trainLoss, Double bestValidationLoss) {
        TrainingRunEntity run = TrainingRunEntity.findById(id);
        run.step = step;
        run.lastTrainLoss = trainLoss;
        if (bestValidationLoss != null && !bestValidationLoss.isInfinite()) {
            run.bestValidationLoss = bestValidationLoss;
        }
        run.updatedAt = Instant.now();
    }

    @Transactional
    public void checkpoint(UUID runId, int step, Double trainLoss, Double validationLoss, String blob) {
        if (CheckpointEntity.count("runId = ?1 and step = ?2", runId, step) > 0) {
            return;
        }
        CheckpointEntity checkpoint = new CheckpointEntity();
        checkpoint.id = UUID.randomUUID();
        checkpoint.runId = runId;
        checkpoint.step = step;
        checkpoint.trainLoss = trainLoss;
        checkpoint.validationLoss = validationLoss;
        checkpoint.blob = blob;
        checkpoint.createdAt = Instant.now();
        checkpoint.persist();
    }

    @Transactional
    public List<CheckpointEntity> checkpoints(UUID runId) {
        return CheckpointEntity.ofRun(runId);
    }

    @Transactional
    public Optional<CheckpointEntity> latestCheckpoint(UUID runId) {
        return CheckpointEntity.latest(runId);
    }
}
