package org.nslab.gateway.training;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.nslab.events.EventCodec;
import org.nslab.events.InvalidEventException;
import org.nslab.events.TrainingProgressed;

/**
 * Training progress from {@code simulation.training-progressed.v1}, fanned out to GraphQL subscriptions. Every
 * gateway instance reads every event (its own consumer group, from the latest offset): subscribers see what
 * happens while they listen.
 */
@ApplicationScoped
public class TrainingProgressFeed {

    private static final Logger LOG = Logger.getLogger(TrainingProgressFeed.class);
    private final BroadcastProcessor<TrainingProgressed> processor = BroadcastProcessor.create();

    @Incoming("training-progress")
    void receive(String json) {
        try {
            processor.onNext(EventCodec.decodeTrainingProgressed(json));
        } catch (InvalidEventException e) {
            LOG.warnf("ignored a training-progress event that breaks its contract: %s", e.getMessage());
        }
    }

    /** The events of one run started by this owner ({@code tenant/actorId}). */
    public Multi<TrainingProgressed> of(String runId, String owner) {
        return processor.filter(e -> e.runId().toString().equals(runId) && e.owner().equals(owner));
    }
}
