package org.nslab.gateway.registry;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Polls every served module's health URL; unhealthy modules leave the catalogue until they answer again. */
@ApplicationScoped
public class HealthPoller {

    private final ModuleRegistry registry;

    public HealthPoller(ModuleRegistry registry) {
        this.registry = registry;
    }

    @Scheduled(every = "${nslab.registry.health-interval}", delayed = "${nslab.registry.health-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        registry.pollHealth();
    }
}
