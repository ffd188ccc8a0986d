package org.nslab.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** What a quiz is about; lower case on the wire ({@code level}, {@code stage}, {@code component}), as content names them. */
public enum TargetKind {
    LEVEL, STAGE, COMPONENT;

    private final String wire = name().toLowerCase(java.util.Locale.ROOT);

    /** The spelling in events, content and the GraphQL APIs. */
    @JsonValue
    public String wire() {
        return wire;
    }

    /** The kind spelled {@code wire}, or empty. */
    public static Optional<TargetKind> fromWire(String wire) {
        return Arrays.stream(values()).filter(k -> k.wire.equals(wire)).findFirst();
    }

    /** @throws IllegalArgumentException when {@code wire} names no kind */
    @JsonCreator
    public static TargetKind of(String wire) {
        return fromWire(wire).orElseThrow(() -> new IllegalArgumentException("not a quiz target kind: " + wire));
    }
}
