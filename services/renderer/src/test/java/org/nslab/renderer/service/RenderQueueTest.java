package org.nslab.renderer.service;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nslab.renderer.gl.EglDisplay;
import org.nslab.sdk.scene.Examples;

class RenderQueueTest {

    @Test
    void aJobOverItsTimeLimitFailsAloneAndTheNextOneRenders(@TempDir Path dir) {
        RenderQueue.Settings settings = new RenderQueue.Settings(1, EglDisplay.Platform.AUTO, dir, List.of(), Duration.ofMillis(1500),
                10, 1, Duration.ofHours(1));
        try (RenderQueue queue = new RenderQueue(settings)) {
            // Warm the worker's context up so that the limit measures rendering only.
            RenderJob warm = queue.submit("u", 5, new RenderRequest(Examples.json(Examples.SHOWCASE), 32, 32,
                    RenderRequest.Format.PNG, 0, 0, 30, false)).job();
            await().atMost(Duration.ofSeconds(60)).until(() -> !warm.active());
            RenderJob slow = queue.submit("u", 5, new RenderRequest(Examples.json(Examples.JOURNEY_MAP), 1920, 1080,
                    RenderRequest.Format.GIF, 0, 10, 30, false)).job();
            RenderJob next = queue.submit("u", 5, new RenderRequest(Examples.json(Examples.SHOWCASE), 64, 36,
                    RenderRequest.Format.PNG, 1, 0, 30, true)).job();
            await().atMost(Duration.ofSeconds(60)).until(() -> !next.active());
            assertEquals(RenderJob.State.FAILED, slow.state());
            assertTrue(slow.error().startsWith("timed out after 1.5 s ("), slow.error());
            assertTrue(slow.framesDone() < slow.framesTotal());
            assertFalse(Files.exists(slow.target()), "no partial file is left");
            assertEquals(RenderJob.State.SUCCEEDED, next.state(), next.error());
            assertTrue(Files.exists(next.target()));
            // A finished job keeps only what its view shows: thousands of them must not hold their scenes.
            assertEquals(null, next.scene());
            assertEquals(null, next.request().sceneJson());
            assertEquals(64, next.request().width());
        }
    }
}
