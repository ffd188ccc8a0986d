package org.nslab.gateway.ratelimit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets per key (a user or an address): each holds up to {@code capacity} requests and refills
 * {@code capacity} per {@code windowNanos}, so a client may burst to the capacity and then keeps the average.
 * Framework-free; the clock is a nanosecond source. Idle buckets are dropped once the table grows large, so a
 * flood of distinct keys cannot exhaust memory.
 */
public final class RateLimiter {

    /** The outcome for one request; {@code retryAfterNanos} is 0 when allowed. */
    public record Decision(boolean allowed, long retryAfterNanos) {
    }

    private static final int PRUNE_ABOVE = 50_000;

    private final int capacity;
    private final long windowNanos;
    private final LongSupplier clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long updated;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }
    }

    public RateLimiter(int capacity, long windowNanos, LongSupplier clock) {
        if (capacity < 1 || windowNanos < 1) {
            throw new IllegalArgumentException("capacity and window must be positive");
        }
        this.capacity = capacity;
        this.windowNanos = windowNanos;
        this.clock = clock;
    }

    public int capacity() {
        return capacity;
    }

    public Decision acquire(String key) {
        long now = clock.getAsLong();
        if (buckets.size() > PRUNE_ABOVE) {
            buckets.values().removeIf(b -> now - b.updated > windowNanos);
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(capacity, now));
        synchronized (bucket) {
            double perNano = (double) capacity / windowNanos;
            bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.updated) * perNano);
            bucket.updated = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return new Decision(true, 0);
            }
            return new Decision(false, (long) Math.ceil((1 - bucket.tokens) / perNano));
        }
    }
}
