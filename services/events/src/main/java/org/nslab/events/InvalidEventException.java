package org.nslab.events;

import java.util.List;

/** A payload that does not satisfy its event contract; each {@link Violation} names the offending field. */
public class InvalidEventException extends RuntimeException {

    /**
     * @param pointer JSON Pointer of the field in the event ({@code /statement/result/scoreScaled}), or
     *                empty for the whole payload
     */
    public record Violation(String pointer, String message) {
        @Override
        public String toString() {
            return pointer.isEmpty() ? message : pointer + ": " + message;
        }
    }

    private final List<Violation> violations;

    public InvalidEventException(String schema, List<Violation> violations) {
        super(schema + ": " + violations.stream().map(Violation::toString).toList());
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    /** The violations as {@code pointer: message} lines. */
    public List<String> problems() {
        return violations.stream().map(Violation::toString).toList();
    }
}
