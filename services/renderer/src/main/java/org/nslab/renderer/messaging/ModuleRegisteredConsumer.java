package org.nslab.renderer.messaging;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.nslab.renderer.service.PosterService;
import org.nslab.renderer.service.RenderQueue;

/**
 * Renders a module's poster when the gateway's registry publishes {@code gateway.module-registered.v1}.
 * Unreadable events and modules that bring their own poster ({@code posterUrl}) are skipped with a log
 * line; nothing here can stop the stream.
 */
@ApplicationScoped
public class ModuleRegisteredConsumer {

    private static final Logger LOG = Logger.getLogger(ModuleRegisteredConsumer.class);
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final PosterService posters;

    public ModuleRegisteredConsumer(PosterService posters) {
        this.posters = posters;
    }

    @Incoming("module-registered")
    @Blocking
    public void onModuleRegistered(String payload) {
        ModuleRegistered event;
        try {
            event = JSON.readValue(payload, ModuleRegistered.class);
        } catch (Exception e) {
            LOG.warnf("skipping an unreadable %s event: %s", ModuleRegistered.TOPIC, e.getMessage());
            return;
        }
        if (event == null || event.moduleId() == null) {
            LOG.warnf("skipping a %s event without moduleId", ModuleRegistered.TOPIC);
            return;
        }
        if (event.posterUrl() != null && !event.posterUrl().isBlank()) {
            LOG.infof("module %s brings its own poster; none rendered", event.moduleId());
            return;
        }
        RenderQueue.Outcome outcome = posters.renderPoster(event.moduleId(), event.level() == null ? 1 : event.level(), event.manifestUrl());
        if (outcome.job() == null) {
            LOG.warnf("no poster for module %s: %s", event.moduleId(), outcome.problems());
        } else {
            LOG.infof("poster of module %s queued as render %s", event.moduleId(), outcome.job().id());
        }
    }
}
