package org.nslab.microscope.registration;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.nslab.microscope.config.MicroscopeConfig;
import org.nslab.microscope.service.ModuleManifestService;
import org.nslab.sdk.registration.ModuleRegistrar;
import org.nslab.sdk.registration.RegistrationListener;
import org.nslab.sdk.registration.RegistrationResult;

/** Keeps the module registered with the gateway (the SDK's registrar: back-off while it is down, heartbeat after). */
@ApplicationScoped
public class GatewayRegistration {

    private static final Logger LOG = Logger.getLogger(GatewayRegistration.class);

    private final MicroscopeConfig config;
    private final ModuleManifestService manifests;
    private ModuleRegistrar registrar;

    public GatewayRegistration(MicroscopeConfig config, ModuleManifestService manifests) {
        this.config = config;
        this.manifests = manifests;
    }

    void start(@Observes StartupEvent event) {
        if (!config.register()) {
            LOG.info("registration with the gateway is off (nslab.microscope.register=false)");
            return;
        }
        registrar = ModuleRegistrar.builder()
                .gateway(URI.create(config.gatewayUrl()))
                .keycloakRealm(URI.create(config.keycloakRealm()))
                .clientCredentials(config.clientId(), config.clientSecret())
                .manifest(manifests::manifest)
                .heartbeat(config.heartbeat())
                .backoff(Duration.ofMillis(500), Duration.ofSeconds(15))
                .listener(new RegistrationListener() {
                    @Override
                    public void registered(RegistrationResult result) {
                        if (result.accepted()) {
                            LOG.debugf("registered with the gateway: %s", result.status());
                        } else {
                            LOG.warnf("the gateway refused the registration: %s %s", result.diagnostics(), result.userErrors());
                        }
                    }

                    @Override
                    public void failed(Exception cause, long retryInMillis) {
                        LOG.infof("gateway not reachable (%s); retrying in %d ms", cause.getMessage(), retryInMillis);
                    }
                })
                .build();
        registrar.start();
    }

    void stop(@Observes ShutdownEvent event) {
        if (registrar != null) {
            registrar.close();
        }
    }

    public Optional<RegistrationResult> lastResult() {
        return registrar == null ? Optional.empty() : registrar.lastResult();
    }
}
