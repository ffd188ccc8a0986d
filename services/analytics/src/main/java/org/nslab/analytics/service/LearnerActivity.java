package org.nslab.analytics.service;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;

@Description("What one learner or guest did, counted from the learning events received.")
public record LearnerActivity(
        @Description("tenant/actorId, the key of the learner's events") String actorKey,
        @Description("Events received, each counted once however often it was delivered") long eventCount,
        @Description("When the latest event happened, or null without events") Instant lastEventAt,
        @Description("Events per xAPI verb") List<VerbCount> verbs) {

    public record VerbCount(String verb, long count) {
    }
}
