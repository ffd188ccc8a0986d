package org.nslab.events;

import java.util.List;

/** A payload that does not satisfy its event contract; {@link #problems()} name the offending fields. */
public class InvalidEventException extends RuntimeException {

    private final List<String> problems;

    public InvalidEventException(String schema, List<String> problems) {
        super(schema + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
