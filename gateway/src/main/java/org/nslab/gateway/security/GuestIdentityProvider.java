package org.nslab.gateway.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;
import org.nslab.events.ActorKey;

@ApplicationScoped
public class GuestIdentityProvider implements IdentityProvider<GuestAuthenticationRequest> {

    private final GuestTokens tokens;
    private final Clock clock;

    public GuestIdentityProvider(GuestTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    public Class<GuestAuthenticationRequest> getRequestType() {
        return GuestAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(GuestAuthenticationRequest request, AuthenticationRequestContext context) {
        return tokens.verify(request.token(), clock.instant())
                .map(GuestIdentityProvider::identity)
                .map(Uni.createFrom()::item)
                .orElseGet(() -> Uni.createFrom().failure(new AuthenticationFailedException("invalid or expired guest session")));
    }

    private static SecurityIdentity identity(UUID guestId) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(ActorKey.guestIdOf(guestId)))
                .addRole(Actors.GUEST_ROLE)
                .build();
    }
}
