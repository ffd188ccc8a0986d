package org.nslab.gateway.upstream;

import io.quarkus.arc.Arc;
import io.quarkus.arc.Unremovable;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;

/**
 * The gateway's own access token (client credentials of {@code nslab-gateway}), for calls to the
 * services; fetched when first needed and again shortly before it expires.
 */
@ApplicationScoped
@Unremovable // looked up from the typed clients' header methods
public class ServiceTokens {

    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(30);

    private final OidcClient client;
    private final Clock clock;
    private Tokens tokens;

    public ServiceTokens(OidcClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    /** The {@code Authorization} header value for a typed client's {@code @Header(method = "bearer")}. */
    public static String bearer() {
        return "Bearer " + Arc.container().instance(ServiceTokens.class).get().accessToken();
    }

    public synchronized String accessToken() {
        if (tokens == null || expiresSoon(tokens)) {
            tokens = client.getTokens().await().atMost(Duration.ofSeconds(10));
        }
        return tokens.getAccessToken();
    }

    private boolean expiresSoon(Tokens current) {
        Long expiresAt = current.getAccessTokenExpiresAt();
        return expiresAt == null || clock.instant().plus(RENEW_BEFORE_EXPIRY).getEpochSecond() >= expiresAt;
    }
}
