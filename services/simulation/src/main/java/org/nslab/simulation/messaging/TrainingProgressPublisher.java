package org.nslab.simulation.messaging;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.nslab.events.EventCodec;
import org.nslab.events.InvalidEventException;
import org.nslab.events.TrainingProgressed;

/**
 * Publishes training progress to Kafka (simulation.training-progressed.v1, keyed by run), and feeds
 * this replica's live GraphQL subscriptions from that topic (a consumer group of its own per replica),
 * so a learner follows a run whichever replica trains it. Training never waits for Kafka: a failed
 * send is logged.
 */
@ApplicationScoped
public class TrainingProgressPublisher {

    private static final Logger LOG = Logger.getLogger(TrainingProgressPublisher.class);

    private final MutinyEmitter<String> emitter;
    private final BroadcastProcessor<TrainingProgressed> live = BroadcastProcessor.create();

    public TrainingProgressPublisher(@Channel("training-progress") MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    public void publish(TrainingProgressed event) {
        Message<String> message = Message.of(EventCodec.encode(event))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(event.key()).build());
        emitter.sendMessage(message).subscribe().with(ignored -> { },
                failure -> LOG.warnf("training progress of run %s not published: %s", event.runId(), failure.toString()));
    }

    /** Every replica's progress events, as they arrive. */
    @Incoming("training-progress-live")
    public void received(String payload) {
        try {
            live.onNext(EventCodec.decodeTrainingProgressed(payload));
        } catch (InvalidEventException e) {
            LOG.warnf("ignored a training-progress event that breaks its contract: %s", e.getMessage());
        }
    }

    /** The progress of one run from now on. */
    public Multi<TrainingProgressed> follow(UUID runId) {
        return live.filter(event -> event.runId().equals(runId));
    }
}
