package org.nslab.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What the web shell needs to know, served at {@code /shell/config}. */
@ConfigMapping(prefix = "nslab.shell")
public interface ShellConfig {

    /** Keycloak's base URL as the browser reaches it (without the realm). */
    String keycloakUrl();

    @WithDefault("nslab")
    String realm();

    /** The public client that signs learners in with authorization code + PKCE. */
    @WithDefault("nslab-web")
    String clientId();
}
