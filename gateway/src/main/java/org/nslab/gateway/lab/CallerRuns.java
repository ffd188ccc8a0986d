package org.nslab.gateway.lab;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import org.nslab.events.LearningEventRecorded;
import org.nslab.gateway.security.Actors;
import org.nslab.gateway.upstream.simulation.SimulationUpstream;

/**
 * The verified caller as the simulation service knows a run's owner ({@code tenant/actorId}, the key of the learning
 * events and of the progress subscription), and whether a run is the caller's.
 */
@ApplicationScoped
public class CallerRuns {

    private final SimulationUpstream simulation;
    private final SecurityIdentity identity;

    public CallerRuns(SimulationUpstream simulation, SecurityIdentity identity) {
        this.simulation = simulation;
        this.identity = identity;
    }

    public String owner() {
        return LearningEventRecorded.keyOf(Actors.of(identity));
    }

    /** True only for an existing run of the caller's; ids longer than a UUID are never looked up. */
    public boolean owns(String runId) {
        if (runId == null || runId.length() > 64) {
            return false;
        }
        LabTypes.TrainingRun run = simulation.trainingRun(runId);
        return run != null && run.owner().equals(owner());
    }
}
