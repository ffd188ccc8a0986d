package org.nslab.events;

import java.time.Instant;
import java.util.UUID;
import org.nslab.events.LearningEventRecorded.Actor;

/**
 * A learner reached a milestone, derived by the progress service from their events.
 * Contract: {@code schemas/milestone-reached.v1.json}; topic {@link Topics#MILESTONE_REACHED}, keyed by learner.
 * The id is derived from the learner and the milestone, so the same milestone is never announced twice
 * with different ids.
 *
 * @param key       the learner, {@code tenant/actorId} on the wire
 * @param milestone what was reached
 * @param objectId  the level, stage, quiz or path
 */
public record MilestoneReached(UUID id, Instant time, int schemaVersion, ActorKey key, Actor actor, MilestoneKind milestone,
                               String objectId) {

    public static final int SCHEMA_VERSION = 1;
    public static final String SCHEMA = "milestone-reached.v1";

    public static UUID idOf(ActorKey actorKey, MilestoneKind milestone, String objectId) {
        return UUID.nameUUIDFromBytes(("milestone|" + actorKey + "|" + milestone + "|" + objectId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
