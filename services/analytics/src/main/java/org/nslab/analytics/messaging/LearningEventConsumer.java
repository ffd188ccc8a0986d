package org.nslab.analytics.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.nslab.analytics.service.ActivityService;

/**
 * Consumes gateway.learning-event-recorded.v1. The offset is committed only after the transaction
 * that stores the event has committed, so a crash loses nothing; the event id makes redelivery harmless.
 */
@ApplicationScoped
public class LearningEventConsumer {

    private final ActivityService activity;

    public LearningEventConsumer(ActivityService activity) {
        this.activity = activity;
    }

    @Incoming("learning-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        activity.receive(record.topic(), record.key(), record.value());
    }
}
