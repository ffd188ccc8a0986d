package org.nslab.journey.registration;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import java.net.URI;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.nslab.journey.config.JourneyConfig;
import org.nslab.journey.manifest.JourneyManifest;
import org.nslab.sdk.manifest.ModuleManifest;
import org.nslab.sdk.registration.ModuleRegistrar;
import org.nslab.sdk.registration.RegistrationListener;
import org.nslab.sdk.registration.RegistrationResult;

/**
 * Keeps Level 1 registered with the gateway while this service runs, through the SDK's registrar (client credentials
 * of {@code module-journey-map}; retries with back-off while the gateway or Keycloak is down, re-registers every
 * heartbeat so a restarted gateway has the module again).
 */
@ApplicationScoped
public class ModuleRegistration {

    private static final Logger LOG = Logger.getLogger(ModuleRegistration.class);

    private final JourneyConfig config;
    private final ModuleManifest manifest;
    private ModuleRegistrar registrar;
    private volatile String lastStatus;

    public ModuleRegistration(JourneyConfig config) {
        this.config = config;
        this.manifest = JourneyManifest.build(config.publicUrl());
    }

    public ModuleManifest manifest() {
        return manifest;
    }

    public Optional<RegistrationResult> lastResult() {
        return registrar == null ? Optional.empty() : registrar.lastResult();
    }

    /** Once the HTTP server listens (fired asynchronously): the gateway fetches the entry while it checks the registration. */
    synchronized void start(@ObservesAsync HttpServerStart event) {
        if (!config.register()) {
            return;
        }
        registrar = ModuleRegistrar.builder()
                .gateway(URI.create(config.gatewayUrl().replaceAll("/+$", "") + "/graphql"))
                .keycloakRealm(URI.create(config.keycloakRealmUrl()))
                .clientCredentials(config.clientId(), config.clientSecret())
                .manifest(manifest)
                .heartbeat(config.heartbeat())
                .backoff(config.backoffMin(), config.backoffMax())
                .listener(new RegistrationListener() {
                    @Override
                    public void registered(RegistrationResult result) {
                        if (result.accepted()) {
                            if (!String.valueOf(result.status()).equals(lastStatus)) {
                                LOG.infof("registered %s %s: %s", manifest.id(), manifest.version(), result.status());
                            }
                            lastStatus = String.valueOf(result.status());
                        } else {
                            lastStatus = null;
                            LOG.warnf("the gateway did not accept %s %s: %s %s", manifest.id(), manifest.version(),
                                    result.diagnostics(), result.userErrors());
                        }
                    }

                    @Override
                    public void failed(Exception cause, long retryInMillis) {
                        LOG.infof("registration failed (%s); retrying in %d ms", cause.getMessage(), retryInMillis);
                    }
                })
                .build();
        registrar.start();
    }

    synchronized void stop(@Observes ShutdownEvent event) {
        if (registrar != null) {
            registrar.close();
        }
    }
}
