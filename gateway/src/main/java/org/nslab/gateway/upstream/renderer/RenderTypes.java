package org.nslab.gateway.upstream.renderer;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.nslab.contracts.UserError;

/**
 * The render types of the public schema, under the names the renderer's own endpoint had (so that nothing a
 * client sends or reads changes but the address). The client reads the renderer's answers into them.
 * To move into the renderer's contract module once the gateway's contract modules exist (issue 15).
 */
public final class RenderTypes {

    private RenderTypes() {
    }

    @Enum("Format")
    public enum RenderFormat { PNG, GIF, MP4 }

    @Enum("State")
    public enum RenderState { QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED }

    @Input("RequestRenderInput")
    @Description("A scene description (JSON, version 1) and what to make of it.")
    public record RequestRenderInput(@NonNull @Description("The scene description as a JSON document") String scene,
                                     @DefaultValue("1280") int width, @DefaultValue("720") int height,
                                     @DefaultValue("PNG") RenderFormat format,
                                     @DefaultValue("0") @Description("Seconds: the moment of a still, the start of a clip") double time,
                                     @DefaultValue("0") @Description("Seconds of a GIF or MP4 clip") double duration,
                                     @DefaultValue("30") int fps,
                                     @DefaultValue("true") @Description("Draw the scene's labels on the image") boolean labels) {
    }

    @Input("RenderJobInput")
    public record RenderJobInput(@NonNull @Id String id) {
    }

    @Type("RenderJob")
    public record RenderJob(@NonNull @Id String id, @NonNull RenderState state, @NonNull RenderFormat format, int width, int height,
                            @Description("Jobs waiting up to and including this one (1 = next); 0 when not waiting") int queuePosition,
                            int framesDone, int framesTotal, @Description("0..1") double progress,
                            @Description("Where the result can be fetched once SUCCEEDED (through the gateway)") String resultUrl,
                            Long bytes, @Description("Why it FAILED or was CANCELLED") String error,
                            @NonNull Instant createdAt, Instant finishedAt) {
    }

    @Type("RenderJobPayload")
    public record RenderJobPayload(RenderJob job, @NonNull List<@NonNull UserError> userErrors) {
    }

    /** The caller as the renderer expects it: the verified {@code tenant/id} actor key and the caller's roles. */
    public record Viewer(String actorKey, String tenant, List<String> roles) {
    }
}
