package org.nslab.renderer.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Files;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.nslab.renderer.service.RenderQueue;
import org.nslab.renderer.service.RenderService;

/** Ready while every worker thread runs and the output folder is writable; shows the queue and the GL renderer. */
@Readiness
@ApplicationScoped
public class RenderQueueHealth implements HealthCheck {

    private final RenderService service;

    public RenderQueueHealth(RenderService service) {
        this.service = service;
    }

    @Override
    public HealthCheckResponse call() {
        RenderQueue queue = service.queue();
        boolean writable = Files.isWritable(service.outputDir());
        long workers = queue.workersAlive();
        return HealthCheckResponse.named("render queue")
                .status(workers > 0 && writable)
                .withData("workers", workers)
                .withData("queued", queue.queued())
                .withData("running", queue.running())
                .withData("outputWritable", writable)
                .withData("renderers", String.join("; ", queue.renderers()))
                .build();
    }
}
