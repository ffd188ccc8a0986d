package org.nslab.gateway.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong now = new AtomicLong(0);
    private final RateLimiter limiter = new RateLimiter(5, 10 * SECOND, now::get);

    @Test
    void aBurstUpToTheCapacityPassesThenTheNextIsRefusedWithTheWaitUntilATokenIsBack() {
        for (int i = 0; i < 5; i++) {
            assertTrue(limiter.acquire("a").allowed());
        }
        RateLimiter.Decision refused = limiter.acquire("a");
        assertFalse(refused.allowed());
        assertEquals(2 * SECOND, refused.retryAfterNanos(), 1_000);
    }

    @Test
    void tokensComeBackAtTheAverageRate() {
        for (int i = 0; i < 5; i++) limiter.acquire("a");
        now.addAndGet(2 * SECOND);
        assertTrue(limiter.acquire("a").allowed());
        assertFalse(limiter.acquire("a").allowed());
        now.addAndGet(60 * SECOND);
        for (int i = 0; i < 5; i++) assertTrue(limiter.acquire("a").allowed(), "refilled only up to the capacity");
        assertFalse(limiter.acquire("a").allowed());
    }

    @Test
    void keysAreIndependent() {
        for (int i = 0; i < 5; i++) limiter.acquire("a");
        assertFalse(limiter.acquire("a").allowed());
        assertTrue(limiter.acquire("b").allowed());
    }
}
