package org.nslab.analytics.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.nslab.analytics.repository.LearningEventRepository;
import org.nslab.analytics.repository.LearningEventRepository.VerbTally;
import org.nslab.analytics.repository.LearningRecordStore;
import org.nslab.analytics.repository.LearningRecordStore.Stored;
import org.nslab.analytics.repository.RejectedEvent;
import org.nslab.events.ActorKey;
import org.nslab.events.EventCodec;
import org.nslab.events.GuestProgressMerged;
import org.nslab.events.InvalidEventException;
import org.nslab.events.LearningEventRecorded;
import org.nslab.events.MilestoneReached;
import org.nslab.events.QuizAttemptGraded;
import org.nslab.events.Topics;

@ApplicationScoped
public class ActivityService {

    private static final Logger LOG = Logger.getLogger(ActivityService.class);

    private final LearningEventRepository events;
    private final LearningRecordStore records;
    private final Counter stored;
    private final Counter duplicates;
    private final Counter rejected;

    public ActivityService(LearningEventRepository events, LearningRecordStore records, MeterRegistry registry) {
        this.events = events;
        this.records = records;
        this.stored = registry.counter("nslab.analytics.events", "outcome", "stored");
        this.duplicates = registry.counter("nslab.analytics.events", "outcome", "duplicate");
        this.rejected = registry.counter("nslab.analytics.events", "outcome", "rejected");
    }

    /** One consumed record. */
    public record Received(String topic, String key, String payload) {
    }

    /**
     * Stores a consumed batch in one transaction: learning events, graded attempts, milestones and
     * guest merges. A redelivered event is recognised by its id and stored once; a payload that breaks
     * its contract is kept aside in {@code rejected_event} and not counted.
     */
    @Transactional
    public void receive(List<Received> batch) {
        List<Stored<LearningEventRecorded>> learning = new ArrayList<>();
        List<Stored<QuizAttemptGraded>> attempts = new ArrayList<>();
        List<MilestoneReached> milestones = new ArrayList<>();
        List<GuestProgressMerged> merges = new ArrayList<>();
        for (Received r : batch) {
            try {
                switch (r.topic()) {
                    case Topics.QUIZ_ATTEMPT_GRADED -> attempts.add(new Stored<>(EventCodec.decodeQuizAttemptGraded(r.payload()), r.payload()));
                    case Topics.MILESTONE_REACHED -> milestones.add(EventCodec.decodeMilestoneReached(r.payload()));
                    case Topics.GUEST_PROGRESS_MERGED -> merges.add(EventCodec.decodeGuestProgressMerged(r.payload()));
                    default -> learning.add(new Stored<>(EventCodec.decodeLearningEvent(r.payload()), r.payload()));
                }
            } catch (InvalidEventException e) {
                reject(r, e);
            }
        }
        try (Connection c = records.connection()) {
            for (GuestProgressMerged merge : merges) {
                records.applyMerge(c, merge);
            }
            List<ActorKey> keys = new ArrayList<>();
            learning.forEach(e -> keys.add(e.event().key()));
            attempts.forEach(e -> keys.add(e.event().key()));
            Map<ActorKey, ActorKey> aliases = records.aliases(c, keys);
            int fresh = records.insertLearningEvents(c, learning, aliases) + records.insertQuizAttempts(c, attempts, aliases)
                    + records.insertMilestones(c, milestones);
            int total = learning.size() + attempts.size() + milestones.size();
            stored.increment(fresh);
            duplicates.increment(total - fresh);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store " + batch.size() + " events", e);
        }
    }

    private void reject(Received r, InvalidEventException e) {
        RejectedEvent row = new RejectedEvent();
        row.topic = r.topic();
        row.kafkaKey = r.key();
        row.problems = String.join("\n", e.problems());
        row.payload = r.payload() == null ? "" : r.payload();
        row.persist();
        rejected.increment();
        LOG.warnf("rejected an event on %s (key %s): %s", r.topic(), r.key(), e.getMessage());
    }

    /** The activity of each actor, in the order asked; actors without events get a zero count. */
    @Transactional
    public List<LearnerActivity> activities(List<String> actorKeys) {
        Map<String, List<VerbTally>> byActor = new LinkedHashMap<>();
        actorKeys.forEach(key -> byActor.put(key, new ArrayList<>()));
        for (VerbTally tally : events.tallies(byActor.keySet())) {
            byActor.get(tally.actorKey()).add(tally);
        }
        return actorKeys.stream().map(key -> toActivity(key, byActor.get(key))).toList();
    }

    private static LearnerActivity toActivity(String key, List<VerbTally> tallies) {
        long total = tallies.stream().mapToLong(VerbTally::count).sum();
        Instant last = tallies.stream().map(VerbTally::lastAt).max(Comparator.naturalOrder()).orElse(null);
        List<LearnerActivity.VerbCount> verbs = tallies.stream()
                .sorted(Comparator.comparing(VerbTally::verb))
                .map(t -> new LearnerActivity.VerbCount(t.verb(), t.count()))
                .toList();
        return new LearnerActivity(key, total, last, verbs);
    }
}
