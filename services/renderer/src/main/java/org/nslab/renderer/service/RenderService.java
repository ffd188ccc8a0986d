package org.nslab.renderer.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.nslab.renderer.config.RendererConfig;

/** The render queue as an application bean, started with the service and stopped with it. */
@ApplicationScoped
public class RenderService {

    private final RendererConfig config;
    private volatile RenderQueue queue;

    public RenderService(RendererConfig config) {
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        queue();
    }

    void stop(@Observes ShutdownEvent event) {
        if (queue != null) {
            queue.close();
        }
    }

    public synchronized RenderQueue queue() {
        if (queue == null) {
            List<Path> dirs = config.shaderDirs().orElse(List.of()).stream().map(Path::of).toList();
            queue = new RenderQueue(new RenderQueue.Settings(config.workers(), config.eglPlatform(), Path.of(config.outputDir()),
                    dirs, config.jobTimeout(), config.maxQueued(), config.pngLevel(), config.retention()));
        }
        return queue;
    }

    /** Active renders allowed for a user with these roles. */
    public int activeLimit(Set<String> roles) {
        if (roles.contains("admin")) {
            return config.activeJobs().admin();
        }
        if (roles.contains("instructor")) {
            return config.activeJobs().instructor();
        }
        return config.activeJobs().learner();
    }

    /** {@code /renders/<file>}: where this service serves the result, and the gateway proxies it at the same path. */
    public String resultPath(RenderJob job) {
        Path output = Path.of(config.outputDir());
        Path relative = output.relativize(job.target());
        return "/renders/" + relative.toString().replace('\\', '/');
    }

    public Path outputDir() {
        return Path.of(config.outputDir());
    }
}
