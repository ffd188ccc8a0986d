package org.nslab.renderer.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.nio.file.Files;
import java.util.regex.Pattern;
import org.nslab.renderer.service.RenderService;

/**
 * Serves finished renders and module posters. Render file names are random UUIDs handed only to the
 * job's owner (capability URLs, so that an {@code <img>} or a learning management system can embed
 * them); posters are public, like the catalogue that shows them.
 */
@Path("/")
@PermitAll
public class ResultResource {

    private static final Pattern RENDER = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.(png|gif|mp4)");
    private static final Pattern POSTER = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}\\.png");

    private final RenderService service;

    public ResultResource(RenderService service) {
        this.service = service;
    }

    @GET
    @Path("renders/{file}")
    public Response render(@PathParam("file") String file) {
        if (!RENDER.matcher(file).matches()) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        return serve(service.outputDir().resolve(file), file);
    }

    @GET
    @Path("posters/{file}")
    public Response poster(@PathParam("file") String file) {
        if (!POSTER.matcher(file).matches()) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        return serve(service.outputDir().resolve("posters").resolve(file), file);
    }

    private static Response serve(java.nio.file.Path path, String file) {
        if (!Files.isRegularFile(path)) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        String type = file.endsWith(".png") ? "image/png" : file.endsWith(".gif") ? "image/gif" : "video/mp4";
        return Response.ok(path.toFile(), type).header("Cache-Control", "private, max-age=3600").build();
    }
}
