package org.nslab.simulation.messaging;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.nslab.events.EventCodec;
import org.nslab.events.TrainingRunRequested;

/**
 * Publishes that a run waits for a worker (simulation.training-run-requested.v1, keyed by run), for the
 * replicas' consumer group ({@link RunRequestConsumer}). A failed send is logged, not retried here:
 * the run's lease runs out and a replica hands it over again.
 */
@ApplicationScoped
public class TrainingRunRequests {

    private static final Logger LOG = Logger.getLogger(TrainingRunRequests.class);

    private final MutinyEmitter<String> emitter;

    public TrainingRunRequests(@Channel("training-run-requests") MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    public void publish(TrainingRunRequested event) {
        Message<String> message = Message.of(EventCodec.encode(event))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(event.key()).build());
        emitter.sendMessage(message).subscribe().with(ignored -> { },
                failure -> LOG.warnf("request for run %s not published (it is handed over when its lease runs out): %s",
                        event.runId(), failure.toString()));
    }
}
