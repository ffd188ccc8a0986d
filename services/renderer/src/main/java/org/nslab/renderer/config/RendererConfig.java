package org.nslab.renderer.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.nslab.renderer.gl.EglDisplay;

@ConfigMapping(prefix = "nslab.renderer")
public interface RendererConfig {

    /** Worker threads, each with its own GL context. llvmpipe already uses every core for one frame. */
    @WithDefault("1")
    int workers();

    /** AUTO: a GPU's EGL device when there is one, else Mesa surfaceless; or force SURFACELESS / DEVICE. */
    @WithDefault("AUTO")
    EglDisplay.Platform eglPlatform();

    /** Where results and posters are written. */
    String outputDir();

    /** Extra shader folders searched before the shaders packed in the jar (the repository's shaders/). */
    Optional<List<String>> shaderDirs();

    @WithDefault("5M")
    Duration jobTimeout();

    /** Jobs waiting in the queue at most (all users). */
    @WithDefault("200")
    int maxQueued();

    /** Deflate level of PNG output (0..9). */
    @WithDefault("1")
    int pngLevel();

    /** How long finished jobs and their files are kept. */
    @WithDefault("2H")
    Duration retention();

    Limits activeJobs();

    /** Renders a user may have queued or running at once, by role (the highest role counts). */
    interface Limits {
        @WithDefault("2")
        int learner();

        @WithDefault("10")
        int instructor();

        @WithDefault("50")
        int admin();
    }
}
