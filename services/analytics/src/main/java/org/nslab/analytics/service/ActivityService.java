package org.nslab.analytics.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.nslab.analytics.repository.LearningEventRepository;
import org.nslab.analytics.repository.LearningEventRepository.VerbTally;
import org.nslab.analytics.repository.RejectedEvent;
import org.nslab.events.EventCodec;
import org.nslab.events.InvalidEventException;
import org.nslab.events.LearningEventRecorded;

@ApplicationScoped
public class ActivityService {

    private static final Logger LOG = Logger.getLogger(ActivityService.class);

    private final LearningEventRepository events;
    private final Counter stored;
    private final Counter duplicates;
    private final Counter rejected;

    public ActivityService(LearningEventRepository events, MeterRegistry registry) {
        this.events = events;
        this.stored = registry.counter("nslab.analytics.events", "outcome", "stored");
        this.duplicates = registry.counter("nslab.analytics.events", "outcome", "duplicate");
        this.rejected = registry.counter("nslab.analytics.events", "outcome", "rejected");
    }

    /**
     * Stores one received payload. A redelivered event is recognised by its id and stored once; a
     * payload that breaks the contract is kept aside in {@code rejected_event} and not counted.
     */
    @Transactional
    public void receive(String topic, String key, String payload) {
        LearningEventRecorded event;
        try {
            event = EventCodec.decodeLearningEvent(payload);
        } catch (InvalidEventException e) {
            RejectedEvent row = new RejectedEvent();
            row.topic = topic;
            row.kafkaKey = key;
            row.problems = String.join("\n", e.problems());
            row.payload = payload == null ? "" : payload;
            row.persist();
            rejected.increment();
            LOG.warnf("rejected an event on %s (key %s): %s", topic, key, e.getMessage());
            return;
        }
        if (events.insertIfAbsent(event, payload)) {
            stored.increment();
        } else {
            duplicates.increment();
            LOG.debugf("event %s was delivered again; stored once", event.id());
        }
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
