package org.nslab.gateway.lab;

import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.nslab.contracts.UserError;
import org.nslab.gateway.graphql.SimulationGraphQlApi;
import org.nslab.gateway.lab.LabTypes.ControlTrainingRunInput;
import org.nslab.gateway.lab.LabTypes.TrainingRun;
import org.nslab.gateway.lab.LabTypes.TrainingRunInput;
import org.nslab.gateway.lab.LabTypes.TrainingRunPayload;
import org.nslab.gateway.upstream.simulation.SimulationApi;
import org.nslab.gateway.upstream.simulation.SimulationApi.TrainingRunResult;
import org.nslab.gateway.upstream.simulation.SimulationUpstream;

/**
 * A learner's own training runs on the simulation service. The owner is always the verified caller
 * ({@code tenant/actorId} from the token, the key the progress subscription and the learning events use), never an
 * argument, so nobody can start, control or read a run as someone else; the service checks the owner on every
 * control and its refusals come back as {@code userErrors}. Guests may not train: a run holds a core of the server
 * for minutes, and a guest session is anonymous and throw-away (the cap of one active run per learner would not
 * hold against fresh guest sessions).
 */
@GraphQLApi
public class TrainingRunsGraphQlApi {

    private final SimulationUpstream simulation;
    private final CallerRuns caller;

    public TrainingRunsGraphQlApi(SimulationUpstream simulation, CallerRuns caller) {
        this.simulation = simulation;
        this.caller = caller;
    }

    @Mutation
    @Description("Queues a training run of a small GPT on the Brown corpus for the caller; at most one active run each.")
    @RolesAllowed({"learner", "instructor", "admin"})
    public @NonNull TrainingRunPayload startTrainingRun(@NonNull @Name("input") TrainingRunInput input) {
        String owner = caller.owner();
        return payload(simulation.startTrainingRun(owner, input));
    }

    @Mutation
    @Description("PAUSE, RESUME, CANCEL or STEP (a paused run by a number of steps) one of the caller's runs.")
    @RolesAllowed({"learner", "instructor", "admin"})
    public @NonNull TrainingRunPayload controlTrainingRun(@NonNull @Name("input") ControlTrainingRunInput input) {
        String owner = caller.owner();
        return payload(simulation.controlTrainingRun(owner, input.runId(),
                SimulationApi.Action.valueOf(input.action().name()), input.steps()));
    }

    @Query
    @Description("The caller's training runs with state, step, place in the queue, losses and checkpoints.")
    @RolesAllowed({"learner", "instructor", "admin"})
    public @NonNull List<@NonNull TrainingRun> myTrainingRuns() {
        String owner = caller.owner();
        return simulation.trainingRuns(owner);
    }

    @Query
    @Description("One of the caller's training runs; null when there is none of the caller's with that id.")
    @RolesAllowed({"learner", "instructor", "admin"})
    public TrainingRun trainingRun(@NonNull @Id @Name("id") String id) {
        if (id.length() > 64) {
            return null;
        }
        TrainingRun run = simulation.trainingRun(id);
        return run != null && run.owner().equals(caller.owner()) ? run : null;
    }

    private static TrainingRunPayload payload(TrainingRunResult result) {
        List<UserError> errors = SimulationGraphQlApi.userErrors(result.userErrors());
        return new TrainingRunPayload(errors.isEmpty() ? result.run() : null, errors);
    }
}
