package org.nslab.gateway.ratelimit;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.event.Observes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.nslab.gateway.config.RateLimitConfig;
import org.nslab.gateway.security.Actors;

/**
 * Limits GraphQL requests per client address and per caller (Keycloak subject or guest id). Refused requests get
 * HTTP 429 with {@code Retry-After} and a GraphQL error {@code extensions.code = "rate-limited"} that says which
 * limit was hit and when to retry. The address is the TCP peer (configure {@code quarkus.http.proxy.*} behind a
 * trusted proxy).
 */
@ApplicationScoped
public class RateLimitFilter {

    private final RateLimitConfig config;
    private final RateLimiter perAddress;
    private final RateLimiter perUser;

    private final HttpAuthenticator authenticator;

    public RateLimitFilter(RateLimitConfig config, HttpAuthenticator authenticator) {
        this.config = config;
        this.authenticator = authenticator;
        long window = config.window().toNanos();
        this.perAddress = new RateLimiter(config.perAddress(), window, System::nanoTime);
        this.perUser = new RateLimiter(config.perUser(), window, System::nanoTime);
    }

    void register(@Observes Filters filters) {
        filters.register(this::limit, 10);
    }

    void limit(RoutingContext rc) {
        if (!config.enabled() || !rc.normalizedPath().startsWith("/graphql") || rc.normalizedPath().startsWith("/graphql-ui")) {
            rc.next();
            return;
        }
        String address = rc.request().remoteAddress() == null ? "unknown" : rc.request().remoteAddress().hostAddress();
        RateLimiter.Decision byAddress = perAddress.acquire(address);
        if (!byAddress.allowed()) {
            refuse(rc, "this address", perAddress.capacity(), byAddress.retryAfterNanos());
            return;
        }
        if (rc.request().getHeader("Authorization") == null) {
            rc.next();
            return;
        }
        // The caller's verified identity (the same mechanisms as the security flow: Keycloak JWTs, guest tokens).
        authenticator.attemptAuthentication(rc).subscribe().with(identity -> {
            if (identity == null || identity.isAnonymous()) {
                rc.next();
                return;
            }
            RateLimiter.Decision byUser = perUser.acquire(callerKey(identity));
            if (byUser.allowed()) {
                rc.next();
            } else {
                refuse(rc, "this user", perUser.capacity(), byUser.retryAfterNanos());
            }
        }, failure -> rc.next()); // authentication failures are answered by the normal security flow
    }

    private static String callerKey(SecurityIdentity identity) {
        return identity.hasRole(Actors.GUEST_ROLE) ? "guest:" + identity.getPrincipal().getName()
                : "user:" + identity.getPrincipal().getName();
    }

    private void refuse(RoutingContext rc, String who, int capacity, long retryAfterNanos) {
        long seconds = Math.max(1, (long) Math.ceil(retryAfterNanos / 1e9));
        JsonObject error = new JsonObject()
                .put("message", "Too many requests from " + who + ": at most " + capacity + " per " + config.window().toSeconds()
                        + " s. Retry in " + seconds + " s.")
                .put("extensions", new JsonObject().put("code", "rate-limited").put("retryAfterSeconds", seconds));
        rc.response().setStatusCode(429)
                .putHeader("Retry-After", String.valueOf(seconds))
                .putHeader("Content-Type", "application/graphql-response+json")
                .end(new JsonObject().put("errors", new JsonArray().add(error)).encode());
    }
}
