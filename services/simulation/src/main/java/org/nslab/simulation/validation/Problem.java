package org.nslab.simulation.validation;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One thing wrong with an input, named after the field it concerns so that a form can show it next to
 * that field. The message states the allowed range, for example {@code "must be between 1 and 1000"}.
 *
 * @param field   the record component the problem concerns, for example {@code "kvHeads"}
 * @param message what is wrong and what is allowed
 */
public record Problem(String field, String message) {

    /**
     * Throws an {@link IllegalArgumentException} listing every problem when there is at least one.
     * The calculators call it so that they never compute with an invalid input.
     */
    public static void requireNone(List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.stream()
                    .map(problem -> problem.field() + ": " + problem.message())
                    .collect(Collectors.joining("; ")));
        }
    }

    public static void checkRange(List<Problem> problems, String field, long value, long min, long max) {
        if (value < min || value > max) {
            problems.add(new Problem(field, "must be between " + min + " and " + max + ", was " + value));
        }
    }
}
