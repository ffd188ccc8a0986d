package org.nslab.quiz.client;

import io.quarkus.arc.Unremovable;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/** The quiz service's access token (client credentials of {@code nslab-quiz}), renewed shortly before it expires. */
@ApplicationScoped
@Unremovable // looked up from SimulationClient's header method
public class ServiceTokens {

    private final OidcClient client;
    private Tokens tokens;

    public ServiceTokens(OidcClient client) {
        this.client = client;
    }

    public synchronized String accessToken() {
        Long expiresAt = tokens == null ? null : tokens.getAccessTokenExpiresAt();
        if (expiresAt == null || Instant.now().plusSeconds(30).getEpochSecond() >= expiresAt) {
            tokens = client.getTokens().await().atMost(Duration.ofSeconds(10));
        }
        return tokens.getAccessToken();
    }
}
