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

    private static final List<String> HELD = List.of("QUEUED", "RUNNING");

    /** A new queued run; nobody holds it yet, and it is handed over again if nobody claims it by {@code leaseUntil}. */
    @Transactional
    public TrainingRunEntity create(String owner, String settingsJson, int steps, Instant leaseUntil) {
        TrainingRunEntity run = new TrainingRunEntity();
        run.id = UUID.randomUUID();
        run.owner = owner;
        run.state = "QUEUED";
        run.settings = settingsJson;
        run.steps = steps;
        run.createdAt = Instant.now();
        run.updatedAt = run.createdAt;
        run.leaseUntil = leaseUntil;
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

    /**
     * Takes the oldest queued run that nobody holds (or whose holder's lease ran out) for {@code replica};
     * concurrent replicas skip each other's rows instead of waiting on them.
     */
    @Transactional
    public Optional<Claim> claimNext(String replica, Instant leaseUntil) {
        UUID token = UUID.randomUUID();
        List<?> claimed = TrainingRunEntity.getEntityManager().createNativeQuery("""
                UPDATE training_run SET replica = ?1, lease_until = ?2, claim = ?4
                WHERE id = (SELECT id FROM training_run
                            WHERE state = 'QUEUED' AND (replica IS NULL OR lease_until < ?3)
                            ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING id""")
                .setParameter(1, replica).setParameter(2, leaseUntil).setParameter(3, Instant.now()).setParameter(4, token)
                .getResultList();
        return claimed.stream().findFirst()
                .map(id -> new Claim(id instanceof UUID uuid ? uuid : UUID.fromString(id.toString()), token));
    }

    /** A run claimed by a replica, and the token of that claim. */
    public record Claim(UUID runId, UUID token) {
    }

    /** QUEUED → RUNNING, only under the latest claim. */
    @Transactional
    public boolean startRunning(UUID id, UUID claim, Instant leaseUntil) {
        Instant now = Instant.now();
        return TrainingRunEntity.update("state = 'RUNNING', message = null, leaseUntil = ?1, updatedAt = ?2"
                + " where id = ?3 and state = 'QUEUED' and claim = ?4", leaseUntil, now, id, claim) == 1;
    }

    /** Renews the leases of every run {@code replica} holds; returns how many. */
    @Transactional
    public int renew(String replica, Instant leaseUntil) {
        return TrainingRunEntity.update("leaseUntil = ?1 where replica = ?2 and state in ?3", leaseUntil, replica, HELD);
    }

    /** Queued or running runs held by a replica whose lease ran out, oldest first (runs nobody holds wait in the queue). */
    @Transactional
    public List<TrainingRunEntity> expired() {
        return TrainingRunEntity.list("state in ?1 and replica is not null and (leaseUntil is null or leaseUntil < ?2)"
                + " order by createdAt", HELD, Instant.now());
    }

    /** Puts a run whose lease ran out back in the queue, held by nobody; false when another replica did it first. */
    @Transactional
    public boolean handOver(UUID id, Instant leaseUntil) {
        Instant now = Instant.now();
        return TrainingRunEntity.update("state = 'QUEUED', replica = null, leaseUntil = ?1, updatedAt = ?2,"
                + " message = 'handed over to another replica' where id = ?3 and state in ?4"
                + " and (leaseUntil is null or leaseUntil < ?2)", leaseUntil, now, id, HELD) == 1;
    }

    /** Whether the worker with this claim still holds the run, and what the API asked of it (null: nothing). */
    @Transactional
    public Optional<String> requestFor(UUID id, UUID claim) {
        TrainingRunEntity run = TrainingRunEntity.findById(id);
        if (run == null || !claim.equals(run.claim) || run.replica == null || !"RUNNING".equals(run.state)) {
            return Optional.of("LOST");
        }
        return Optional.ofNullable(run.requestedAction);
    }

    /** Asks the replica that trains the run to PAUSE or CANCEL it; false when the run is not in one of {@code states}. */
    @Transactional
    public boolean request(UUID id, String action, List<String> states) {
        return TrainingRunEntity.update("requestedAction = ?1, updatedAt = ?2 where id = ?3 and state in ?4",
                action, Instant.now(), id, states) == 1;
    }

    /** Moves a run that nobody trains (state in {@code from}) to {@code to}, releasing it. */
    @Transactional
    public boolean transition(UUID id, List<String> from, String to, String message) {
        return TrainingRunEntity.update("state = ?1, message = ?2, replica = null, leaseUntil = null, requestedAction = null,"
                + " updatedAt = ?3 where id = ?4 and state in ?5", to, message, Instant.now(), id, from) == 1;
    }

    /** PAUSED → QUEUED, to train to {@code pauseAtStep} (null: to the end). */
    @Transactional
    public boolean resume(UUID id, Integer pauseAtStep, Instant leaseUntil) {
        return TrainingRunEntity.update("state = 'QUEUED', message = null, replica = null, requestedAction = null,"
                + " pauseAtStep = ?1, leaseUntil = ?2, updatedAt = ?3 where id = ?4 and state = 'PAUSED'",
                pauseAtStep, leaseUntil, Instant.now(), id) == 1;
    }

    /** The run's holder sets a new state and lets it go (paused, ended, or handed back on shutdown). */
    @Transactional
    public void release(UUID id, UUID claim, String state, String message) {
        TrainingRunEntity.update("state = ?1, message = ?2, replica = null, leaseUntil = null, requestedAction = null,"
                + " updatedAt = ?3 where id = ?4 and claim = ?5 and replica is not null", state, message, Instant.now(), id, claim);
    }

    /**
     * The holder gives a run back to the queue (it stops), keeping a pending pause or cancel for whoever continues it.
     */
    @Transactional
    public void giveBack(UUID id, UUID claim, String message) {
        TrainingRunEntity.update("state = 'QUEUED', message = ?1, replica = null, leaseUntil = null, updatedAt = ?2"
                + " where id = ?3 and claim = ?4 and replica is not null", message, Instant.now(), id, claim);
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
