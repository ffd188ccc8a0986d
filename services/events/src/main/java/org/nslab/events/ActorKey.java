package org.nslab.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.nslab.events.LearningEventRecorded.Actor;
import org.nslab.events.LearningEventRecorded.ActorKind;

/**
 * Who a learning record belongs to: a tenant (the institution, {@value #PUBLIC_TENANT} for guests) and the
 * actor's id in it. Written {@code tenant/id}, which is how events carry it (their {@code key}) and how
 * services store it; {@link #parse} reads that form back, so no one splits the string by hand.
 *
 * <p>A tenant is 1–{@value #MAX_TENANT_LENGTH} of {@code a-z 0-9 -}, starting with a letter or digit (a
 * Keycloak group under {@code /tenants/}); an id is 1–{@value #MAX_ID_LENGTH} characters without {@code /},
 * whitespace or control characters (a Keycloak subject, or {@code guest-<uuid>}). The whole key is at most
 * 264 characters, inside the 300 the event schemas allow.
 */
public record ActorKey(String tenant, String id) {

    /** The tenant of guests, who belong to no institution. */
    public static final String PUBLIC_TENANT = "public";
    /** How a guest's id starts: {@code guest-<uuid>}. */
    public static final String GUEST_ID_PREFIX = "guest-";
    public static final int MAX_TENANT_LENGTH = 63;
    public static final int MAX_ID_LENGTH = 200;

    private static final Pattern TENANT = Pattern.compile("[a-z0-9][a-z0-9-]{0," + (MAX_TENANT_LENGTH - 1) + "}");
    private static final Pattern ID = Pattern.compile("[^/\\s\\p{Cntrl}]{1," + MAX_ID_LENGTH + "}");
    /** As the event schemas spell a guest key ({@code ^public/guest-[0-9a-f-]{36}$}). */
    private static final Pattern GUEST_ID = Pattern.compile(GUEST_ID_PREFIX + "[0-9a-f-]{36}");

    /** @throws IllegalArgumentException when the tenant or the id breaks the rules above */
    public ActorKey {
        if (!isTenant(tenant)) {
            throw new IllegalArgumentException("not a tenant (a-z, 0-9 and '-', at most " + MAX_TENANT_LENGTH + "): " + quoted(tenant));
        }
        if (!isId(id)) {
            throw new IllegalArgumentException("not an actor id (1 to " + MAX_ID_LENGTH
                    + " characters, no '/', whitespace or control characters): " + quoted(id));
        }
    }

    /**
     * Reads {@code tenant/id}.
     *
     * @throws IllegalArgumentException when the text has no {@code /} or either part breaks the rules
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ActorKey parse(String key) {
        Objects.requireNonNull(key, "key");
        int slash = key.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("not a tenant/id key: " + quoted(key));
        }
        return new ActorKey(key.substring(0, slash), key.substring(slash + 1));
    }

    /** {@link #parse}, or empty for a text that is not a valid key (also for null). */
    public static Optional<ActorKey> tryParse(String key) {
        if (key == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(key));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether the text is a valid tenant (a Keycloak group name under {@code /tenants/}). */
    public static boolean isTenant(String tenant) {
        return tenant != null && TENANT.matcher(tenant).matches();
    }

    /** Whether the text is a valid actor id. */
    public static boolean isId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** The key of a statement's actor. */
    public static ActorKey of(Actor actor) {
        return new ActorKey(actor.tenant(), actor.id());
    }

    /** The key of the guest session {@code guestId}: {@code public/guest-<uuid>}. */
    public static ActorKey guest(UUID guestId) {
        return new ActorKey(PUBLIC_TENANT, guestIdOf(guestId));
    }

    /** The actor id of the guest session {@code guestId}: {@code guest-<uuid>}. */
    public static String guestIdOf(UUID guestId) {
        return GUEST_ID_PREFIX + Objects.requireNonNull(guestId, "guestId");
    }

    /** Whether this is a guest's key: the public tenant and {@code guest-<uuid>}, as {@link #guest} makes them. */
    public boolean isGuest() {
        return PUBLIC_TENANT.equals(tenant) && GUEST_ID.matcher(id).matches();
    }

    /** This key as the actor of a statement, of the given kind. */
    public Actor actor(ActorKind kind) {
        return new Actor(id, kind, tenant);
    }

    /** {@code tenant/id}, the form events and stores carry. */
    @JsonValue
    @Override
    public String toString() {
        return tenant + "/" + id;
    }

    private static String quoted(String text) {
        if (text == null) {
            return "null";
        }
        return "\"" + (text.length() > 80 ? text.substring(0, 80) + "…" : text) + "\"";
    }
}
