package org.nslab.microscope.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "nslab.microscope")
public interface MicroscopeConfig {

    /** Where browsers reach this service (module.json's URLs start with it). */
    String publicUrl();

    /** The gateway's GraphQL endpoint the module registers with. */
    String gatewayUrl();

    /** Keycloak realm URL, e.g. http://127.0.0.1:8180/realms/nslab. */
    String keycloakRealm();

    /** The module's confidential client (role module-author). */
    String clientId();

    /** Local development default; deployments set NSLAB_MICROSCOPE_CLIENT_SECRET from a secret. */
    String clientSecret();

    /** Register with the gateway at start (and keep registering every heartbeat). */
    @WithDefault("true")
    boolean register();

    @WithDefault("30s")
    Duration heartbeat();
}
