package org.nslab.simulation.scaling;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One thing wrong with an input, named after the field it concerns so that a form can show it next to that field.
 * The message states the allowed range.
 *
 * @param field   the input the problem concerns, for example {@code "computeFlops"}
 * @param message what is wrong and what is allowed
 */
public record Problem(String field, String message) {

    /** Throws an {@link IllegalArgumentException} listing every problem when there is at least one. */
    public static void requireNone(List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.stream()
                    .map(problem -> problem.field() + ": " + problem.message())
                    .collect(Collectors.joining("; ")));
        }
    }
}
