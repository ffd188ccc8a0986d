package org.nslab.sdk.kit;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Serves {@code module.json} beside the entry, for people and tools (the gateway gets it with the registration). */
@ApplicationScoped
public class ManifestRoute {

    void route(@Observes Router router, ModuleManifests manifests) {
        router.get(manifests.manifestPath()).handler(ctx -> ctx.response()
                .putHeader("Content-Type", "application/json")
                .end(manifests.json()));
    }
}
