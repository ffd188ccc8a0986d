package org.nslab.analytics.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.nslab.analytics.service.ActivityService;

/**
 * Consumes every learning event (gateway.learning-event-recorded.v1, quiz.attempt-graded.v1,
 * progress.milestone-reached.v1, progress.guest-progress-merged.v1) in batches. The offsets are
 * committed only after the transaction that stores the batch has committed, so a crash loses nothing;
 * event ids make the redelivered part harmless.
 */
@ApplicationScoped
public class LearningEventConsumer {

    private final ActivityService activity;

    public LearningEventConsumer(ActivityService activity) {
        this.activity = activity;
    }

    @Incoming("learning-events")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        List<ActivityService.Received> batch = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            batch.add(new ActivityService.Received(record.topic(), record.key(), record.value()));
        }
        activity.receive(batch);
    }
}
