package org.nslab.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A learner or guest did something in a level. The statement follows the xAPI shape (actor, verb,
 * object, result, context) so institutions can forward it to their learning record store.
 * Contract: {@code schemas/learning-event-recorded.v1.json}.
 *
 * @param id            event id, also the xAPI statement id; consumers deduplicate on it
 * @param time          when the gateway accepted the statement
 * @param schemaVersion always {@link #SCHEMA_VERSION}
 * @param key           the actor's key, {@code tenant/actorId} on the wire and the Kafka record key
 */
public record LearningEventRecorded(UUID id, Instant time, int schemaVersion, ActorKey key, Statement statement) {

    public static final int SCHEMA_VERSION = 1;
    public static final String SCHEMA = "learning-event-recorded.v1";

    /**
     * The event of a statement, keyed by its actor.
     *
     * @throws InvalidEventException when the actor's tenant or id cannot form a key (naming the field, as the
     *                               contract check would)
     */
    public static LearningEventRecorded of(UUID id, Instant time, Statement statement) {
        Actor actor = statement.actor();
        ActorKey key;
        try {
            key = ActorKey.of(actor);
        } catch (IllegalArgumentException e) {
            String field = ActorKey.isTenant(actor.tenant()) ? "/statement/actor/id" : "/statement/actor/tenant";
            throw new InvalidEventException(SCHEMA, List.of(new InvalidEventException.Violation(field, e.getMessage())));
        }
        return new LearningEventRecorded(id, time, SCHEMA_VERSION, key, statement);
    }

    /** The actor's key as text, {@code tenant/actorId}: {@link ActorKey#of} for callers that pass it on as a string. */
    public static String keyOf(Actor actor) {
        return ActorKey.of(actor).toString();
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
