package org.nslab.courserelease;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CurrentReleaseTest {

    private static final Duration SOON = Duration.ofMillis(10);

    @Test
    void aSourceThatFailsAtFirstIsRetriedUntilAReleaseIsLoaded() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (CurrentRelease<String> release = new CurrentRelease<>("test", () -> {
            if (calls.incrementAndGet() < 3) {
                throw new ContentReleaseClient.ContentUnavailable("connection refused", null);
            }
            return new CourseRelease("r1", JsonNodeFactory.instance.objectNode().put("title", "one"));
        }, r -> r.document().path("title").asText(), SOON, Duration.ofMillis(40))) {
            assertFalse(release.status().ready());
            release.start();
            assertTrue(release.awaitLoaded(Duration.ofSeconds(5)));
            assertEquals("one", release.current().orElseThrow().model());
            assertEquals(3, calls.get());
            assertEquals(new CurrentRelease.Status(true, "r1", 0, null), release.status());
        }
    }

    @Test
    void aReloadSwitchesToTheNewlyActiveReleaseAndKeepsTheModelOfTheSameOne() throws Exception {
        AtomicReference<String> active = new AtomicReference<>("r1");
        AtomicInteger builds = new AtomicInteger();
        try (CurrentRelease<String> release = new CurrentRelease<>("test",
                () -> new CourseRelease(active.get(), JsonNodeFactory.instance.objectNode()),
                r -> r.releaseId() + "#" + builds.incrementAndGet(), SOON, SOON).start()) {
            assertTrue(release.awaitLoaded(Duration.ofSeconds(5)));
            assertEquals("r1#1", release.current().orElseThrow().model());
            release.reload();
            Thread.sleep(200);
            assertEquals("r1#1", release.current().orElseThrow().model(), "the same release is not rebuilt");
            active.set("r2");
            release.reload();
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (!release.current().orElseThrow().releaseId().equals("r2") && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals("r2#2", release.current().orElseThrow().model());
        }
    }

    @Test
    void whileTheSourceIsDownTheReleaseLoadedBeforeStaysInUse() throws Exception {
        AtomicReference<RuntimeException> down = new AtomicReference<>();
        try (CurrentRelease<String> release = new CurrentRelease<>("test", () -> {
            if (down.get() != null) {
                throw down.get();
            }
            return new CourseRelease("r1", JsonNodeFactory.instance.objectNode());
        }, CourseRelease::releaseId, SOON, SOON).start()) {
            assertTrue(release.awaitLoaded(Duration.ofSeconds(5)));
            down.set(new ContentReleaseClient.ContentUnavailable("HTTP 503", null));
            release.reload();
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (release.status().failedAttempts() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            CurrentRelease.Status status = release.status();
            assertTrue(status.ready());
            assertEquals("r1", status.releaseId());
            assertEquals("HTTP 503", status.lastError());
            assertTrue(status.failedAttempts() >= 2);
        }
    }
}
