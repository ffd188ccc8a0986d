package org.nslab.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Guest session tokens: {@code v1.<guestId>.<expiry epoch seconds>.<HMAC-SHA256>}, signed by the
 * gateway. A guest needs no account; the token only proves that the gateway issued that guest id.
 */
public final class GuestTokens {

    private static final String VERSION = "v1";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final byte[] key;
    private final Duration ttl;

    public GuestTokens(String secret, Duration ttl) {
        if (secret == null || secret.length() < 32) {
            throw new IllegalArgumentException("the guest session secret must have at least 32 characters");
        }
        this.key = secret.getBytes(StandardCharsets.UTF_8);
        this.ttl = ttl;
    }

    public record GuestSession(UUID guestId, Instant expiresAt, String token) {
    }

    public GuestSession issue(UUID guestId, Instant now) {
        Instant expiresAt = now.plus(ttl);
        String body = VERSION + "." + guestId + "." + expiresAt.getEpochSecond();
        return new GuestSession(guestId, Instant.ofEpochSecond(expiresAt.getEpochSecond()), body + "." + sign(body));
    }

    /** The guest id, when the token is well formed, signed by this key and not expired. */
    public Optional<UUID> verify(String token, Instant now) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        int lastDot = token.lastIndexOf('.');
        if (lastDot < 0) {
            return Optional.empty();
        }
        String body = token.substring(0, lastDot);
        byte[] expected = sign(body).getBytes(StandardCharsets.US_ASCII);
        byte[] actual = token.substring(lastDot + 1).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, actual)) {
            return Optional.empty();
        }
        String[] parts = body.split("\\.");
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            return Optional.empty();
        }
        try {
            UUID guestId = UUID.fromString(parts[1]);
            long expiry = Long.parseLong(parts[2]);
            return now.getEpochSecond() < expiry ? Optional.of(guestId) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private String sign(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return B64.encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
