package org.nslab.gateway.messaging;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.nslab.events.EventCodec;
import org.nslab.events.ModuleRegistered;

/** Announces registry changes on {@code gateway.module-registered.v1}, keyed by module id. */
@ApplicationScoped
public class ModuleEventPublisher {

    private static final Logger LOG = Logger.getLogger(ModuleEventPublisher.class);
    private final MutinyEmitter<String> emitter;

    public ModuleEventPublisher(@Channel("module-events") MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    /**
     * Publishes after the registry's transaction committed and waits for Kafka's acknowledgement. A failure is
     * logged, not thrown: the registry's state is already stored, and the next change or heartbeat announces again.
     */
    public boolean publish(ModuleRegistered event) {
        Message<String> message = Message.of(EventCodec.encode(event))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(event.key()).build());
        try {
            emitter.sendMessage(message).await().atMost(Duration.ofSeconds(15));
            return true;
        } catch (RuntimeException e) {
            LOG.warnf("module event %s for %s not published: %s", event.status(), event.moduleId(), e.getMessage());
            return false;
        }
    }
}
