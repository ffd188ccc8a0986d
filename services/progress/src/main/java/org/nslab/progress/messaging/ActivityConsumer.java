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
import org.nslab.courserelease.CurrentRelease;
import org.nslab.events.EventCodec;
import org.nslab.events.InvalidEventException;
import org.nslab.events.Topics;
import org.nslab.outbox.OutboxRelay;
import org.nslab.progress.model.CourseIndex;
import org.nslab.progress.repository.ActivityRepository.ActivityRow;
import org.nslab.progress.service.ProgressService;

/**
 * Consumes learning events and graded attempts in batches. Offsets are committed only after the
 * batch's transaction committed: a crash loses nothing, and the event ids make the redelivered part
 * of a batch harmless. Nothing is applied before a content release is loaded: the course says what each
 * item is.
 */
@ApplicationScoped
public class ActivityConsumer {

    private static final Logger LOG = Logger.getLogger(ActivityConsumer.class);

    private final ProgressService progress;
    private final OutboxRelay relay;
    private final Counter rejected;
    private final CurrentRelease<CourseIndex> course;

    public ActivityConsumer(ProgressService progress, OutboxRelay relay, MeterRegistry registry, CurrentRelease<CourseIndex> course) {
        this.progress = progress;
        this.course = course;
        this.relay = relay;
        this.rejected = registry.counter("nslab.progress.events", "outcome", "rejected");
    }

    /** Another content release became active: load it (the course in use stays until it is loaded). */
    @Incoming("content-releases")
    public void onRelease(String payload) {
        try {
            LOG.debugf("content release %s published", EventCodec.decodeContentReleasePublished(payload).releaseId());
            course.reload();
        } catch (InvalidEventException e) {
            rejected.increment();
            LOG.warnf("skipped a content release event that breaks its contract: %s", e.getMessage());
        }
    }

    @Incoming("learning-activity")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) throws InterruptedException {
        progress.awaitCourse();
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
