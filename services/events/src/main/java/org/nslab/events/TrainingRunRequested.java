package org.nslab.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A training run is waiting for a worker: started, resumed, stepped, or handed over after the replica
 * that held it went away. Contract: {@code schemas/training-run-requested.v1.json}; topic
 * {@link Topics#TRAINING_RUN_REQUESTED}, keyed by the run id and consumed by the simulation replicas as
 * one consumer group, so each request goes to one replica. The run's state in the simulation database
 * stays the source of truth; the event only says where to look.
 *
 * @param reason     why the run waits
 * @param stepBudget steps to train before pausing again (a STEP request), absent for "until the end"
 */
public record TrainingRunRequested(UUID id, Instant time, int schemaVersion, String key, UUID runId, String owner,
                                   Reason reason, Integer stepBudget) {

    public static final int SCHEMA_VERSION = 1;
    public static final String SCHEMA = "training-run-requested.v1";

    /** Why a run waits for a worker; the constant names are the wire spelling. */
    public enum Reason {
        STARTED, RESUMED, STEPPED, HANDED_OVER
    }

    public static TrainingRunRequested of(UUID runId, String owner, Reason reason, Integer stepBudget) {
        return new TrainingRunRequested(UUID.randomUUID(), Instant.now(), SCHEMA_VERSION, runId.toString(), runId, owner,
                reason, stepBudget);
    }
}
