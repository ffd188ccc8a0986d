package org.nslab.journey.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.nslab.journey.registration.ModuleRegistration;
import org.nslab.sdk.manifest.Manifests;

/** The module.json this service registers, for people and tools (the gateway gets it through the registration). */
@Path("/journey-map/module.json")
public class ManifestResource {

    private final ModuleRegistration registration;

    public ManifestResource(ModuleRegistration registration) {
        this.registration = registration;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String manifest() {
        return Manifests.toJson(registration.manifest());
    }
}
