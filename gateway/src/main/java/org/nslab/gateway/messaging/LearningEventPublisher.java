package org.nslab.gateway.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.nslab.events.EventCodec;
import org.nslab.events.LearningEventRecorded;

/** Publishes learning events, keyed by tenant/actor; the returned Uni completes when Kafka has acknowledged. */
@ApplicationScoped
public class LearningEventPublisher {

    private final MutinyEmitter<String> emitter;

    public LearningEventPublisher(@Channel("learning-events") MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    public Uni<Void> publish(LearningEventRecorded event) {
        Message<String> message = Message.of(EventCodec.encode(event))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(event.key().toString()).build());
        return emitter.sendMessage(message);
    }
}
