package org.nslab.journey.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Where the module is reached, where it registers, and with which credentials. */
@ConfigMapping(prefix = "nslab.journey")
public interface JourneyConfig {

    /** The URL browsers and the gateway reach this service at (the manifest's URLs are built on it). */
    String publicUrl();

    /** The gateway's base URL; the module registers at {@code <gatewayUrl>/graphql}. */
    String gatewayUrl();

    /** The Keycloak realm URL that issues the module's service-account token. */
    String keycloakRealmUrl();

    String clientId();

    String clientSecret();

    /** Keeps the module registered while it runs (off only for tests that check the manifest alone). */
    @WithDefault("true")
    boolean register();

    @WithDefault("30s")
    Duration heartbeat();

    @WithDefault("1s")
    Duration backoffMin();

    @WithDefault("30s")
    Duration backoffMax();
}
