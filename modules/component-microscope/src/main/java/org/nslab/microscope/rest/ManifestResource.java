package org.nslab.microscope.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.nslab.microscope.service.ModuleManifestService;

/** Serves {@code module.json}; the front end itself is a static resource under /component-microscope/. */
@Path("/component-microscope/module.json")
public class ManifestResource {

    private final ModuleManifestService manifests;

    public ManifestResource(ModuleManifestService manifests) {
        this.manifests = manifests;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String manifest() {
        return manifests.json();
    }
}
