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
import org.nslab.contracts.UserErrorCode;
import org.nslab.gateway.graphql.SimulationGraphQlApi;
import org.nslab.gateway.lab.LabTypes.ComputeLossLandscapeInput;
import org.nslab.gateway.lab.LabTypes.ComputeLossLandscapePayload;
import org.nslab.gateway.lab.LabTypes.LossLandscapeJob;
import org.nslab.gateway.upstream.simulation.SimulationApi;
import org.nslab.gateway.upstream.simulation.SimulationUpstream;

/**
 * The loss landscape (Li et al., 2018) as a job on the simulation service: around the reference model for everyone,
 * around a run's latest checkpoint (with its trajectory) only for the run's owner.
 */
@GraphQLApi
public class LossLandscapeGraphQlApi {

    private final SimulationUpstream simulation;
    private final CallerRuns caller;

    public LossLandscapeGraphQlApi(SimulationUpstream simulation, CallerRuns caller) {
        this.simulation = simulation;
        this.caller = caller;
    }

    @Mutation
    @Description("Starts (or finds, when already computed) a size × size slice of the loss surface along two "
            + "filter-normalized random directions; follow it with lossLandscapeJob.")
    @RolesAllowed({"learner", "instructor", "admin", "guest"})
    public @NonNull ComputeLossLandscapePayload computeLossLandscape(@NonNull @Name("input") ComputeLossLandscapeInput input) {
        if (input.runId() != null && !caller.owns(input.runId())) {
            return new ComputeLossLandscapePayload(null, List.of(new UserError(List.of("input", "runId"),
                    "no run " + input.runId() + " of yours", UserErrorCode.UNKNOWN_RUN)));
        }
        SimulationApi.LossLandscapeResult r = simulation.computeLossLandscape(input.size(), input.radius(), input.seed(), input.runId());
        return new ComputeLossLandscapePayload(r.job(), SimulationGraphQlApi.userErrors(r.userErrors()));
    }

    @Query
    @Description("A loss-landscape job: its progress, and the surface once done; null when unknown or around another "
            + "learner's run.")
    @RolesAllowed({"learner", "instructor", "admin", "guest"})
    public LossLandscapeJob lossLandscapeJob(@NonNull @Id @Name("id") String id) {
        if (id.length() > 200) {
            return null;
        }
        LossLandscapeJob job = simulation.lossLandscapeJob(id);
        return job == null || job.runId() == null || caller.owns(job.runId()) ? job : null;
    }
}
