package org.nslab.gateway.rest;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.nslab.gateway.registry.ModuleRegistry;
import org.nslab.sdk.manifest.Manifests;

/** The manifest schema, and each valid release's manifest as stored (the URL announced on Kafka). */
@Path("/modules")
@PermitAll
@Blocking
public class ModuleFilesResource {

    private final ModuleRegistry registry;

    public ModuleFilesResource(ModuleRegistry registry) {
        this.registry = registry;
    }

    @GET
    @Path("module.schema.json")
    @Produces("application/schema+json")
    public String schema() {
        return Manifests.schema();
    }

    @GET
    @Path("{id: [a-z][a-z0-9-]{0,62}}/{version: [0-9A-Za-z.+-]{5,64}}/module.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response manifest(@PathParam("id") String id, @PathParam("version") String version) {
        return registry.manifest(id, version).map(m -> Response.ok(m).build())
                .orElseGet(() -> Response.status(Response.Status.NOT_FOUND).build());
    }
}
