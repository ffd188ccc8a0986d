package org.nslab.renderer.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.nslab.events.EventCodec;
import org.nslab.events.InvalidEventException;
import org.nslab.events.ModuleRegistered;
import org.nslab.events.Topics;
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

    private final PosterService posters;

    public ModuleRegisteredConsumer(PosterService posters) {
        this.posters = posters;
    }

    @Incoming("module-registered")
    @Blocking
    public void onModuleRegistered(String payload) {
        ModuleRegistered event;
        try {
            event = EventCodec.decodeModuleRegistered(payload);
        } catch (InvalidEventException e) {
            LOG.warnf("skipping an unreadable %s event: %s", Topics.MODULE_REGISTERED, e.getMessage());
            return;
        }
        if (event.posterUrl() != null && !event.posterUrl().isBlank()) {
            LOG.infof("module %s brings its own poster; none rendered", event.moduleId());
            return;
        }
        RenderQueue.Outcome outcome = posters.renderPoster(event.moduleId(), event.level(), event.manifestUrl());
        if (outcome.job() == null) {
            LOG.warnf("no poster for module %s: %s", event.moduleId(), outcome.problems());
        } else {
            LOG.infof("poster of module %s queued as render %s", event.moduleId(), outcome.job().id());
        }
    }
}
