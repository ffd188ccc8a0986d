package org.nslab.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A learner or guest did something in a level. The statement follows the xAPI shape (actor, verb,
 * object, result, context) so institutions can forward it to their learning record store.
 * Contract: {@code schemas/learning-event-recorded.v1.json}.
 *
 * @param id            event id, also the xAPI statement id; consumers deduplicate on it
 * @param time          when the gateway accepted the statement
 * @param schemaVersion always {@link #SCHEMA_VERSION}
 * @param key           {@code tenant/actorId}, the Kafka record key
 */
public record LearningEventRecorded(UUID id, Instant time, int schemaVersion, String key, Statement statement) {

    public static final int SCHEMA_VERSION = 1;
    public static final String SCHEMA = "learning-event-recorded.v1";

    public static LearningEventRecorded of(UUID id, Instant time, Statement statement) {
        return new LearningEventRecorded(id, time, SCHEMA_VERSION, keyOf(statement.actor()), statement);
    }

    public static String keyOf(Actor actor) {
        return actor.tenant() + "/" + actor.id();
    }

    public enum ActorKind { LEARNER, GUEST }

    public enum ObjectType { LEVEL, STAGE, COMPONENT, CHAPTER, EXPERIMENT, QUIZ, QUESTION, MODULE, VIEW }

    public record Statement(Actor actor, Verb verb, ActivityObject object, Result result, Context context,
                            Instant timestamp) {
    }

    public record Actor(String id, ActorKind kind, String tenant) {
    }

    public record Verb(String id, String display) {
    }

    public record ActivityObject(String id, ObjectType type, String name) {
    }

    /** Every field is optional, as in xAPI. */
    public record Result(Double scoreScaled, Boolean success, Boolean completion, Long durationMs, String response) {
    }

    /** Every field is optional. */
    public record Context(Integer level, String moduleId, String sessionId, String locale) {
    }
}
