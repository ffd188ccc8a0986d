package org.nslab.gateway.security;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.Collection;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.nslab.events.ActorKey;
import org.nslab.events.LearningEventRecorded.Actor;
import org.nslab.events.LearningEventRecorded.ActorKind;

/** Who is calling, as the actor of learning statements: a Keycloak user or a guest. */
public final class Actors {

    public static final String GUEST_ROLE = "guest";
    /** Users whose token names no tenant group. */
    public static final String DEFAULT_TENANT = "default";
    private static final String TENANT_GROUP_PREFIX = "/tenants/";

    private Actors() {
    }

    public static Actor of(SecurityIdentity identity) {
        if (identity.hasRole(GUEST_ROLE)) {
            // The principal of a guest is its actor id, guest-<uuid> (GuestIdentityProvider); guests belong to no institution.
            return new Actor(identity.getPrincipal().getName(), ActorKind.GUEST, ActorKey.PUBLIC_TENANT);
        }
        JsonWebToken jwt = (JsonWebToken) identity.getPrincipal();
        return new Actor(jwt.getSubject(), ActorKind.LEARNER, tenantOf(jwt.getClaim("groups")));
    }

    /** The tenant is the user's group under {@code /tenants/} in Keycloak. */
    static String tenantOf(Object groups) {
        if (!(groups instanceof Collection<?> list)) {
            return DEFAULT_TENANT;
        }
        Optional<String> tenant = list.stream()
                .map(g -> g.toString().replace("\"", ""))
                .filter(g -> g.startsWith(TENANT_GROUP_PREFIX))
                .map(g -> g.substring(TENANT_GROUP_PREFIX.length()))
                .filter(ActorKey::isTenant)
                .sorted()
                .findFirst();
        return tenant.orElse(DEFAULT_TENANT);
    }
}
