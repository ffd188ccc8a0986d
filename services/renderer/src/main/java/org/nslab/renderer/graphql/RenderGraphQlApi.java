package org.nslab.renderer.graphql;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Type;
import org.nslab.renderer.service.RenderJob;
import org.nslab.renderer.service.RenderQueue;
import org.nslab.renderer.service.RenderRequest;
import org.nslab.renderer.service.RenderService;
import org.nslab.sdk.scene.Problem;
import org.nslab.sdk.scene.SceneParser;

/** Renders of scene descriptions as jobs: request, follow (queue place, progress), fetch (a URL), cancel. */
@GraphQLApi
public class RenderGraphQlApi {

    private final RenderService service;
    private final SecurityIdentity identity;

    public RenderGraphQlApi(RenderService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @Input("RequestRenderInput")
    @Description("A scene description (JSON, version 1) and what to make of it.")
    public record RequestRenderInput(@NonNull @Description("The scene description as a JSON document") String scene,
                                     @DefaultValue("1280") int width, @DefaultValue("720") int height,
                                     @DefaultValue("PNG") RenderRequest.Format format,
                                     @DefaultValue("0") @Description("Seconds: the moment of a still, the start of a clip") double time,
                                     @DefaultValue("0") @Description("Seconds of a GIF or MP4 clip") double duration,
                                     @DefaultValue("30") int fps,
                                     @DefaultValue("true") @Description("Draw the scene's labels on the image") boolean labels) {
    }

    @Input("RenderJobInput")
    public record RenderJobInput(@NonNull @Id String id) {
    }

    @Type("RenderJob")
    public record RenderJobView(@NonNull @Id String id, @NonNull RenderJob.State state, @NonNull RenderRequest.Format format,
                                int width, int height,
                                @Description("Jobs waiting up to and including this one (1 = next); 0 when not waiting") int queuePosition,
                                int framesDone, int framesTotal, @Description("0..1") double progress,
                                @Description("Where the result can be fetched once SUCCEEDED") String resultUrl, Long bytes,
                                @Description("Why it FAILED or was CANCELLED") String error,
                                @NonNull Instant createdAt, Instant finishedAt) {
    }

    @Type("RenderJobPayload")
    public record RenderJobPayload(RenderJobView job, @NonNull List<@NonNull UserError> userErrors) {
    }

    @Mutation
    @RolesAllowed({"learner", "instructor", "admin"})
    @Description("Queues a render: a PNG still at `time`, or a GIF / MP4 clip of `duration` seconds along the camera path.")
    public @NonNull RenderJobPayload requestRender(@NonNull RequestRenderInput input) {
        RenderRequest request = new RenderRequest(input.scene(), input.width(), input.height(), input.format(), input.time(),
                input.duration(), input.fps(), input.labels());
        RenderQueue.Outcome outcome = service.queue().submit(owner(), service.activeLimit(identity.getRoles()), request);
        if (!outcome.problems().isEmpty()) {
            return new RenderJobPayload(null, outcome.problems().stream().map(UserError::of).toList());
        }
        return new RenderJobPayload(view(outcome.job()), List.of());
    }

    @Mutation
    @RolesAllowed({"learner", "instructor", "admin"})
    @Description("Cancels one of your renders (an admin: anyone's); a running one stops after its current frame.")
    public @NonNull RenderJobPayload cancelRender(@NonNull RenderJobInput input) {
        Optional<RenderJob> job = visible(input.id());
        if (job.isEmpty()) {
            return new RenderJobPayload(null, List.of(UserError.of(new Problem("/id", "no render " + input.id() + " of yours"))));
        }
        service.queue().cancel(job.get());
        return new RenderJobPayload(view(job.get()), List.of());
    }

    @Query
    @RolesAllowed({"learner", "instructor", "admin"})
    @Description("One of your renders (an admin: anyone's), or null.")
    public RenderJobView renderJob(@NonNull @Id String id) {
        return visible(id).map(this::view).orElse(null);
    }

    @Query
    @RolesAllowed({"learner", "instructor", "admin"})
    @Description("Your renders, newest first, while they are kept.")
    public @NonNull List<@NonNull RenderJobView> myRenderJobs() {
        return service.queue().ofOwner(owner()).stream().map(this::view).toList();
    }

    @Query
    @PermitAll
    @Description("The JSON Schema of the scene description, version 1.")
    public @NonNull String sceneSchema() {
        return SceneParser.schemaText();
    }

    private Optional<RenderJob> visible(String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return service.queue().find(uuid).filter(j -> j.owner().equals(owner()) || identity.hasRole("admin"));
    }

    private String owner() {
        return identity.getPrincipal().getName();
    }

    private RenderJobView view(RenderJob job) {
        int total = job.framesTotal();
        double progress = job.state() == RenderJob.State.SUCCEEDED ? 1 : total == 0 ? 0 : job.framesDone() / (double) total;
        return new RenderJobView(job.id().toString(), job.state(), job.request().format(), job.request().width(), job.request().height(),
                service.queue().queuePosition(job), job.framesDone(), total, progress,
                job.state() == RenderJob.State.SUCCEEDED ? service.resultUrl(job) : null,
                job.state() == RenderJob.State.SUCCEEDED ? job.bytes() : null, job.error(), job.createdAt(), job.finishedAt());
    }
}
