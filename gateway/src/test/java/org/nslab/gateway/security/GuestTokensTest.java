package org.nslab.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GuestTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    private final GuestTokens tokens = new GuestTokens("a-test-secret-that-is-long-enough-000", Duration.ofDays(30));

    @Test
    void anIssuedTokenVerifiesToItsGuestIdUntilItExpires() {
        UUID guest = UUID.randomUUID();
        GuestTokens.GuestSession session = tokens.issue(guest, NOW);

        assertEquals(Optional.of(guest), tokens.verify(session.token(), NOW.plus(Duration.ofDays(29))));
        assertEquals(Optional.empty(), tokens.verify(session.token(), NOW.plus(Duration.ofDays(30))));
        assertEquals(NOW.plus(Duration.ofDays(30)), session.expiresAt());
    }

    @Test
    void aTokenWithAnotherGuestIdOrExpiryOrSignatureIsRefused() {
        String token = tokens.issue(UUID.randomUUID(), NOW).token();
        String[] parts = token.split("\\.");

        String otherGuest = String.join(".", parts[0], UUID.randomUUID().toString(), parts[2], parts[3]);
        String laterExpiry = String.join(".", parts[0], parts[1], String.valueOf(Long.parseLong(parts[2]) + 86400), parts[3]);
        String otherKey = new GuestTokens("another-secret-that-is-long-enough-111", Duration.ofDays(30))
                .issue(UUID.fromString(parts[1]), NOW).token();

        assertTrue(tokens.verify(otherGuest, NOW).isEmpty());
        assertTrue(tokens.verify(laterExpiry, NOW).isEmpty());
        assertTrue(tokens.verify(otherKey, NOW).isEmpty());
        assertTrue(tokens.verify("garbage", NOW).isEmpty());
        assertTrue(tokens.verify("", NOW).isEmpty());
        assertTrue(tokens.verify(null, NOW).isEmpty());
    }

    @Test
    void aShortSecretIsRefusedAtStart() {
        assertThrows(IllegalArgumentException.class, () -> new GuestTokens("short", Duration.ofDays(1)));
    }
}
