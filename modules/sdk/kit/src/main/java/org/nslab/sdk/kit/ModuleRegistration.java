package org.nslab.sdk.kit;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import java.net.URI;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.nslab.sdk.manifest.ModuleManifest;
import org.nslab.sdk.registration.ModuleRegistrar;
import org.nslab.sdk.registration.RegistrationListener;
import org.nslab.sdk.registration.RegistrationResult;

/**
 * Keeps the module registered with the gateway while this service runs, through the SDK's {@link ModuleRegistrar}:
 * starts once the HTTP server listens (the gateway fetches the entry while it checks the registration), retries
 * with back-off while Keycloak or the gateway is down, re-registers every heartbeat.
 */
@ApplicationScoped
public class ModuleRegistration {

    private static final Logger LOG = Logger.getLogger(ModuleRegistration.class);

    private final ModuleConfig config;
    private final ModuleManifests manifests;
    private ModuleRegistrar registrar;
    private volatile String lastStatus;

    public ModuleRegistration(ModuleConfig config, ModuleManifests manifests) {
        this.config = config;
        this.manifests = manifests;
    }

    public Optional<RegistrationResult> lastResult() {
        ModuleRegistrar current = registrar;
        return current == null ? Optional.empty() : current.lastResult();
    }

    synchronized void start(@ObservesAsync HttpServerStart event) {
        if (!config.register()) {
            LOG.info("registration with the gateway is off (nslab.module.register=false)");
            return;
        }
        if (registrar != null) {
            return;
        }
        ModuleManifest manifest = manifests.manifest();
        registrar = ModuleRegistrar.builder()
                .gateway(URI.create(config.graphqlEndpoint()))
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
            registrar = null;
        }
    }
}
