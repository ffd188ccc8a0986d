package org.nslab.gateway.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.nslab.contracts.UserError;
import org.nslab.contracts.UserErrorCode;
import org.nslab.events.EventCodec;
import org.nslab.events.InvalidEventException.Violation;
import org.nslab.events.LearningEventRecorded;
import org.nslab.events.LearningEventRecorded.ActivityObject;
import org.nslab.events.LearningEventRecorded.Actor;
import org.nslab.events.LearningEventRecorded.Context;
import org.nslab.events.LearningEventRecorded.Result;
import org.nslab.events.LearningEventRecorded.Statement;
import org.nslab.gateway.graphql.RecordLearningEventInput;

/**
 * Turns a {@code recordLearningEvent} input into an event, or into user errors naming the input
 * fields. The field rules are the event contract's (one copy, the JSON Schema); this class only
 * adds what the contract cannot know: the id format and how far the timestamp may be from now.
 */
public final class LearningStatements {

    static final Duration MAX_AHEAD = Duration.ofMinutes(5);
    static final Duration MAX_BEHIND = Duration.ofDays(30);

    private LearningStatements() {
    }

    /** Either an event or the reasons there is none. */
    public record Outcome(LearningEventRecorded event, List<UserError> errors) {
        public boolean valid() {
            return event != null;
        }
    }

    public static Outcome build(RecordLearningEventInput input, Actor actor, Instant now) {
        List<UserError> errors = new ArrayList<>();
        UUID id = UUID.randomUUID();
        if (input.id() != null) {
            try {
                id = UUID.fromString(input.id());
            } catch (IllegalArgumentException e) {
                errors.add(new UserError(List.of("input", "id"), "id must be a UUID, like 3f2b8c1e-5d4a-4e7b-9c61-0a2f6d8e4b17", UserErrorCode.INVALID_ID));
            }
        }
        Instant timestamp = input.timestamp() == null ? now : input.timestamp();
        if (timestamp.isAfter(now.plus(MAX_AHEAD))) {
            errors.add(new UserError(List.of("input", "timestamp"), "timestamp is more than 5 minutes in the future", UserErrorCode.TIMESTAMP_IN_FUTURE));
        } else if (timestamp.isBefore(now.minus(MAX_BEHIND))) {
            errors.add(new UserError(List.of("input", "timestamp"), "timestamp is more than 30 days in the past", UserErrorCode.TIMESTAMP_TOO_OLD));
        }
        RecordLearningEventInput.ResultInput r = input.result();
        RecordLearningEventInput.ContextInput c = input.context();
        Statement statement = new Statement(actor, input.verb().toStatementVerb(),
                new ActivityObject(input.objectId(), input.objectType(), input.objectName()),
                r == null ? null : new Result(r.scoreScaled(), r.success(), r.completion(), r.durationMs(), r.response()),
                c == null ? null : new Context(c.level(), c.moduleId(), c.sessionId(), c.locale()),
                timestamp);
        LearningEventRecorded event = LearningEventRecorded.of(id, now, statement);
        for (Violation violation : EventCodec.violations(event)) {
            List<String> field = inputField(violation.pointer());
            errors.add(new UserError(field, field.get(field.size() - 1) + " " + violation.message(), UserErrorCode.INVALID_VALUE));
        }
        return errors.isEmpty() ? new Outcome(event, List.of()) : new Outcome(null, List.copyOf(errors));
    }

    /** The input field behind a pointer into the event; anything else is a fault of the gateway, not of the caller. */
    static List<String> inputField(String pointer) {
        List<String> parts = Arrays.stream(pointer.split("/")).filter(p -> !p.isEmpty()).toList();
        if (parts.size() == 3 && parts.get(0).equals("statement") && parts.get(1).equals("object")) {
            String field = switch (parts.get(2)) {
                case "id" -> "objectId";
                case "type" -> "objectType";
                case "name" -> "objectName";
                default -> throw new IllegalStateException("unexpected contract violation at " + pointer);
            };
            return List.of("input", field);
        }
        if (parts.size() == 3 && parts.get(0).equals("statement") && (parts.get(1).equals("result") || parts.get(1).equals("context"))) {
            return List.of("input", parts.get(1), parts.get(2));
        }
        if (parts.equals(List.of("statement", "timestamp"))) {
            return List.of("input", "timestamp");
        }
        throw new IllegalStateException("unexpected contract violation at " + pointer);
    }
}
