package org.nslab.sdk.kit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * A level module's configuration, the same keys for every module ({@code nslab.module.*}):
 * <pre>
 * nslab.module.public-url=http://127.0.0.1:8095          # where browsers and the gateway reach the module
 * nslab.module.client-id=module-token-lights             # its Keycloak client (role module-author)
 * nslab.module.client-secret=dev-only-…                  # from a secret in deployments
 * </pre>
 * The gateway and realm URLs default to the local stack ({@code nslab.gateway.url}, {@code nslab.keycloak.url}).
 */
@ConfigMapping(prefix = "nslab.module")
public interface ModuleConfig {

    /** The URL browsers and the gateway reach this service at; {@code ${publicUrl}} in the manifest template. */
    String publicUrl();

    /** The gateway's base URL (or its {@code /graphql} endpoint); the module registers at {@code <gatewayUrl>/graphql}. */
    String gatewayUrl();

    /** The Keycloak realm URL that issues the module's service-account token. */
    String keycloakRealmUrl();

    /** The module's confidential client (realm role {@code module-author}). */
    String clientId();

    String clientSecret();

    /** Class-path resource of the manifest template ({@code ${publicUrl}}, {@code ${integrity}}). */
    @WithDefault("module.template.json")
    String manifestTemplate();

    /** Keeps the module registered while it runs (off in tests that start no gateway). */
    @WithDefault("true")
    boolean register();

    /** How often the registration is sent again, so that a restarted gateway has the module again. */
    @WithDefault("30s")
    Duration heartbeat();

    /** First retry delay while Keycloak or the gateway is down; doubles up to {@link #backoffMax()}. */
    @WithDefault("1s")
    Duration backoffMin();

    @WithDefault("30s")
    Duration backoffMax();

    /** The GraphQL endpoint the registration goes to. */
    default String graphqlEndpoint() {
        String base = gatewayUrl().replaceAll("/+$", "");
        return base.endsWith("/graphql") ? base : base + "/graphql";
    }
}
