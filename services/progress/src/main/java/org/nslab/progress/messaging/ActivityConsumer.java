package org.nslab.progress.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.nslab.events.EventCodec;
import org.nslab.events.InvalidEventException;
import org.nslab.events.Topics;
import org.nslab.outbox.OutboxRelay;
import org.nslab.progress.repository.ActivityRepository.ActivityRow;
import org.nslab.progress.service.ProgressService;

/**
 * Consumes learning events and graded attempts in batches. Offsets are committed only after the
 * batch's transaction committed: a crash loses nothing, and the event ids make the redelivered part
 * of a batch harmless.
 */
@ApplicationScoped
public class ActivityConsumer {

    private static final Logger LOG = Logger.getLogger(ActivityConsumer.class);

    private final ProgressService progress;
    private final OutboxRelay relay;
    private final Counter rejected;

    public ActivityConsumer(ProgressService progress, OutboxRelay relay, MeterRegistry registry) {
        this.progress = progress;
        this.relay = relay;
        this.rejected = registry.counter("nslab.progress.events", "outcome", "rejected");
    }

    @Incoming("learning-activity")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        List<ActivityRow> rows = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            try {
                rows.add(record.topic().equals(Topics.QUIZ_ATTEMPT_GRADED)
                        ? progress.row(EventCodec.decodeQuizAttemptGraded(record.value()))
                        : progress.row(EventCodec.decodeLearningEvent(record.value())));
            } catch (InvalidEventException e) {
                rejected.increment();
                LOG.warnf("skipped an event on %s (key %s) that breaks its contract: %s", record.topic(), record.key(), e.getMessage());
            }
        }
        if (progress.apply(rows) > 0) {
            relay.nudge();
        }
    }
}
