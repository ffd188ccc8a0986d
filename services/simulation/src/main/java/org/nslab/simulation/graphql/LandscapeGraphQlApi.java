package org.nslab.simulation.graphql;

import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Type;
import org.nslab.simulation.service.LandscapeJobs;
import org.nslab.simulation.service.ReferenceModel;
import org.nslab.simulation.service.Models;

/** The loss landscape around the reference model, computed as a job and cached. */
@GraphQLApi
@RolesAllowed("service")
public class LandscapeGraphQlApi {

    private final LandscapeJobs jobs;
    private final ReferenceModel reference;
    private final Models models;

    public LandscapeGraphQlApi(LandscapeJobs jobs, ReferenceModel reference, Models models) {
        this.jobs = jobs;
        this.reference = reference;
        this.models = models;
    }

    @Type("LossLandscapeJob")
    public record JobView(@NonNull String id, @NonNull LandscapeJobs.State state, int done, int total, int size,
                          double radius, long seed, List<@NonNull Double> alphas, List<@NonNull Double> betas,
                          @Description("losses[i][j] at (alphas[i], betas[j])") List<@NonNull List<@NonNull Double>> losses,
                          Double centerLoss, String runId,
                          @NonNull @Description("The run's checkpoints on the plane") List<LandscapeJobs.@NonNull TrajectoryPoint> trajectory) {
    }

    @Type("ComputeLossLandscapePayload")
    public record StartPayload(JobView job, @NonNull List<@NonNull UserError> userErrors) {
    }

    @Mutation
    @Description("Starts (or finds, when already computed) a size × size slice of the loss surface around the reference "
            + "model along two filter-normalized random directions (Li et al., 2018).")
    public @NonNull StartPayload computeLossLandscape(@DefaultValue("21") int size, @DefaultValue("1.0") double radius,
                                                      @DefaultValue("1") long seed,
                                                      @Description("Around this run's latest checkpoint, with its trajectory") String runId) {
        List<UserError> errors = new ArrayList<>();
        UUID run = null;
        if (runId != null) {
            Models.Selection selection = models.select(runId, null);
            run = selection.runId();
            if (selection.problem() != null) {
                errors.add(UserError.of(selection.problem().message(), selection.problem().field()));
            }
        }
        if (size < 2 || size > 51) {
            errors.add(UserError.of("size must be between 2 and 51", "size"));
        }
        if (!(radius > 0 && radius <= 10)) {
            errors.add(UserError.of("radius must be in (0, 10]", "radius"));
        }
        if (run == null && reference.status().state() != ReferenceModel.State.READY) {
            errors.add(UserError.of("the reference model is not ready yet (" + reference.status().state() + ")", "reference"));
        }
        if (!errors.isEmpty()) {
            return new StartPayload(null, errors);
        }
        return new StartPayload(view(jobs.start(new LandscapeJobs.Settings(size, radius, seed, run))), List.of());
    }

    @Query
    @Description("A loss-landscape job: its progress, and the surface once done.")
    public JobView lossLandscapeJob(@NonNull String id) {
        return jobs.find(id).map(LandscapeGraphQlApi::view).orElse(null);
    }

    private static JobView view(LandscapeJobs.Job job) {
        var s = job.surface();
        return new JobView(job.id(), job.state(), job.done(), job.total(), job.settings().size(), job.settings().radius(),
                job.settings().seed(),
                s == null ? null : Arrays.stream(s.alphas()).boxed().toList(),
                s == null ? null : Arrays.stream(s.betas()).boxed().toList(),
                s == null ? null : Arrays.stream(s.losses()).map(row -> Arrays.stream(row).boxed().toList()).toList(),
                s == null ? null : s.centerLoss(), job.settings().runId() == null ? null : job.settings().runId().toString(),
                job.trajectory());
    }
}
