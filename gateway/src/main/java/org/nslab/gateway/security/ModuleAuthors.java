package org.nslab.gateway.security;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who registers a module: a Keycloak client (a module's service account) or a user with the module-author role. */
public final class ModuleAuthors {

    public static final String CLIENT_PREFIX = "client:";
    public static final String USER_PREFIX = "user:";
    private static final String SERVICE_ACCOUNT_PREFIX = "service-account-";

    private ModuleAuthors() {
    }

    /** {@code client:<client id>} for service accounts, {@code user:<subject>} for people. */
    public static String ownerOf(SecurityIdentity identity) {
        JsonWebToken jwt = (JsonWebToken) identity.getPrincipal();
        String username = jwt.getClaim("preferred_username");
        String azp = jwt.getClaim("azp");
        if (username != null && username.startsWith(SERVICE_ACCOUNT_PREFIX) && azp != null) {
            return CLIENT_PREFIX + azp;
        }
        return USER_PREFIX + jwt.getSubject();
    }
}
