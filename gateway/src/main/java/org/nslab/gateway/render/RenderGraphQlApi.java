package org.nslab.gateway.render;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.nslab.events.LearningEventRecorded;
import org.nslab.events.LearningEventRecorded.Actor;
import org.nslab.gateway.security.Actors;
import org.nslab.gateway.upstream.renderer.RenderTypes.RenderJob;
import org.nslab.gateway.upstream.renderer.RenderTypes.RenderJobInput;
import org.nslab.gateway.upstream.renderer.RenderTypes.RenderJobPayload;
import org.nslab.gateway.upstream.renderer.RenderTypes.RequestRenderInput;
import org.nslab.gateway.upstream.renderer.RenderTypes.Viewer;
import org.nslab.gateway.upstream.renderer.RendererClient;

/**
 * Renders of scene descriptions (PNG stills, GIF and MP4 clips) by the renderer service, for the verified caller:
 * the same operations, names and shapes as the renderer's own endpoint had before it became internal. Jobs belong
 * to the caller's {@code tenant/id}; a caller sees and cancels only his own (an admin: anyone's). Guests may read
 * the scene schema but not render: a render holds the renderer's one worker for seconds to minutes and a guest
 * session is throw-away, so the per-user limit of active renders would not hold.
 */
@GraphQLApi
public class RenderGraphQlApi {

    private final RendererClient renderer;
    private final SecurityIdentity identity;

    public RenderGraphQlApi(RendererClient renderer, SecurityIdentity identity) {
        this.renderer = renderer;
        this.identity = identity;
    }

    @Mutation("requestRender")
    @RolesAllowed({"learner", "instructor", "admin"})
    @Description("Queues a render: a PNG still at `time`, or a GIF / MP4 clip of `duration` seconds along the camera path.")
    public @NonNull RenderJobPayload requestRender(@NonNull @Name("input") RequestRenderInput input) {
        return renderer.requestRender(viewer(), input);
    }

    @Mutation("cancelRender")
    @RolesAllowed({"learner", "instructor", "admin"})
    @Description("Cancels one of your renders (an admin: anyone's); a running one stops after its current frame.")
    public @NonNull RenderJobPayload cancelRender(@NonNull @Name("input") RenderJobInput input) {
        return renderer.cancelRender(viewer(), input.id());
    }

    @Query("renderJob")
    @RolesAllowed({"learner", "instructor", "admin"})
    @Description("One of your renders (an admin: anyone's), or null.")
    public RenderJob renderJob(@NonNull @Id @Name("id") String id) {
        return renderer.renderJob(viewer(), id);
    }

    @Query("myRenderJobs")
    @RolesAllowed({"learner", "instructor", "admin"})
    @Description("Your renders, newest first, while they are kept.")
    public @NonNull List<@NonNull RenderJob> myRenderJobs() {
        return renderer.myRenderJobs(viewer());
    }

    @Query("sceneSchema")
    @PermitAll
    @Description("The JSON Schema of the scene description, version 1.")
    public @NonNull String sceneSchema() {
        return renderer.sceneSchema();
    }

    private Viewer viewer() {
        Actor actor = Actors.of(identity);
        return new Viewer(LearningEventRecorded.keyOf(actor), actor.tenant(), identity.getRoles().stream().sorted().toList());
    }
}
