package org.nslab.renderer.graphql;

import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
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
import org.nslab.sdk.scene.SceneParser;

/**
 * Internal API of the renderer: renders of scene descriptions as jobs (request, follow, fetch, cancel). The gateway
 * calls it with its service account and the verified caller ({@code viewer}: the {@code tenant/id} actor key and the
 * caller's roles); jobs belong to that actor key. Learners reach it through the gateway's public GraphQL endpoint.
 */
@GraphQLApi
@RolesAllowed("service")
public class RenderGraphQlApi {

    private static final Pattern ACTOR_KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}/[^/\\s]{1,200}");
    private static final Set<String> RENDERING_ROLES = Set.of("learner", "instructor", "admin");

    private final RenderService service;

    public RenderGraphQlApi(RenderService service) {
        this.service = service;
    }

    @Input("ViewerInput")
    @Description("The caller the gateway verified: its tenant/id actor key and its realm roles.")
    public record ViewerInput(@NonNull @Description("tenant/actorId") String actorKey, @NonNull String tenant,
                              @NonNull List<@NonNull String> roles) {
    }

    @Input("RequestRenderInput")
    @Description("A scene description (JSON, version 1) and what to make of it, for the viewer.")
    public record RequestRenderInput(@NonNull ViewerInput viewer,
                                     @NonNull @Description("The scene description as a JSON document") String scene,
                                     @DefaultValue("1280") int width, @DefaultValue("720") int height,
                                     @DefaultValue("PNG") RenderRequest.Format format,
                                     @DefaultValue("0") @Description("Seconds: the moment of a still, the start of a clip") double time,
                                     @DefaultValue("0") @Description("Seconds of a GIF or MP4 clip") double duration,
                                     @DefaultValue("30") int fps,
                                     @DefaultValue("true") @Description("Draw the scene's labels on the image") boolean labels) {
    }

    @Input("RenderJobInput")
    public record RenderJobInput(@NonNull ViewerInput viewer, @NonNull @Id String id) {
    }

    @Input("MyRenderJobsInput")
    public record MyRenderJobsInput(@NonNull ViewerInput viewer) {
    }

    @Type("RenderJob")
    public record RenderJobView(@NonNull @Id String id, @NonNull RenderJob.State state, @NonNull RenderRequest.Format format,
                                int width, int height,
                                @Description("Jobs waiting up to and including this one (1 = next); 0 when not waiting") int queuePosition,
                                int framesDone, int framesTotal, @Description("0..1") double progress,
                                @Description("Path of the result once SUCCEEDED (/renders/<uuid>.<ext>), served by this service "
                                        + "and proxied at the same path by the gateway") String resultPath, Long bytes,
                                @Description("Why it FAILED or was CANCELLED") String error,
                                @NonNull Instant createdAt, Instant finishedAt) {
    }

    @Type("RenderJobPayload")
    public record RenderJobPayload(RenderJobView job, @NonNull List<@NonNull UserError> userErrors) {
    }

    @Mutation
    @Description("Queues a render for the viewer: a PNG still at `time`, or a GIF / MP4 clip of `duration` seconds along the camera path.")
    public @NonNull RenderJobPayload requestRender(@NonNull RequestRenderInput input) {
        List<UserError> refused = check(input.viewer());
        if (!refused.isEmpty()) {
            return new RenderJobPayload(null, refused);
        }
        RenderRequest request = new RenderRequest(input.scene(), input.width(), input.height(), input.format(), input.time(),
                input.duration(), input.fps(), input.labels());
        RenderQueue.Outcome outcome = service.queue().submit(input.viewer().actorKey(),
                service.activeLimit(Set.copyOf(input.viewer().roles())), request);
        if (!outcome.problems().isEmpty()) {
            return new RenderJobPayload(null, outcome.problems().stream().map(UserError::of).toList());
        }
        return new RenderJobPayload(view(outcome.job()), List.of());
    }

    @Mutation
    @Description("Cancels one of the viewer's renders (an admin: anyone's); a running one stops after its current frame.")
    public @NonNull RenderJobPayload cancelRender(@NonNull RenderJobInput input) {
        List<UserError> refused = check(input.viewer());
        if (!refused.isEmpty()) {
            return new RenderJobPayload(null, refused);
        }
        Optional<RenderJob> job = visible(input.viewer(), input.id());
        if (job.isEmpty()) {
            return new RenderJobPayload(null, List.of(new UserError(List.of("input", "id"), "no render " + input.id() + " of yours",
                    UserError.UNKNOWN_RENDER)));
        }
        service.queue().cancel(job.get());
        return new RenderJobPayload(view(job.get()), List.of());
    }

    @Query
    @Description("One of the viewer's renders (an admin: anyone's), or null.")
    public RenderJobView renderJob(@NonNull RenderJobInput input) {
        return check(input.viewer()).isEmpty() ? visible(input.viewer(), input.id()).map(this::view).orElse(null) : null;
    }

    @Query
    @Description("The viewer's renders, newest first, while they are kept.")
    public @NonNull List<@NonNull RenderJobView> myRenderJobs(@NonNull MyRenderJobsInput input) {
        if (!check(input.viewer()).isEmpty()) {
            return List.of();
        }
        return service.queue().ofOwner(input.viewer().actorKey()).stream().map(this::view).toList();
    }

    @Query
    @Description("The JSON Schema of the scene description, version 1.")
    public @NonNull String sceneSchema() {
        return SceneParser.schemaText();
    }

    /** A well-formed actor key of the viewer's tenant, and a role that may render (the gateway checked both already). */
    private static List<UserError> check(ViewerInput viewer) {
        if (!ACTOR_KEY.matcher(viewer.actorKey()).matches() || !viewer.actorKey().startsWith(viewer.tenant() + "/")) {
            return List.of(new UserError(List.of("input", "viewer", "actorKey"), "not a tenant/id actor key of the viewer's tenant",
                    UserError.INVALID_ACTOR));
        }
        if (viewer.roles().stream().noneMatch(RENDERING_ROLES::contains)) {
            return List.of(new UserError(List.of("input", "viewer", "roles"), "only learners, instructors and admins render",
                    UserError.FORBIDDEN));
        }
        return List.of();
    }

    private Optional<RenderJob> visible(ViewerInput viewer, String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return service.queue().find(uuid).filter(j -> j.owner().equals(viewer.actorKey()) || viewer.roles().contains("admin"));
    }

    private RenderJobView view(RenderJob job) {
        int total = job.framesTotal();
        double progress = job.state() == RenderJob.State.SUCCEEDED ? 1 : total == 0 ? 0 : job.framesDone() / (double) total;
        return new RenderJobView(job.id().toString(), job.state(), job.request().format(), job.request().width(), job.request().height(),
                service.queue().queuePosition(job), job.framesDone(), total, progress,
                job.state() == RenderJob.State.SUCCEEDED ? service.resultPath(job) : null,
                job.state() == RenderJob.State.SUCCEEDED ? job.bytes() : null, job.error(), job.createdAt(), job.finishedAt());
    }
}
