package org.nslab.quiz.grading;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One question with its key (the correct answer), as the course defines it. The key never leaves the
 * quiz service: {@link QuestionView} is what callers see before an attempt.
 *
 * @param maxAttempts attempts allowed per learner (the question's own limit, else its quiz's)
 */
public record Question(String id, String quizId, Type type, Map<String, String> prompt, Map<String, String> explanation,
                       List<Option> options, String unit, int maxAttempts, Key key) {

    public enum Type { SINGLE, MULTIPLE, NUMERIC, ORDERING, HANDS_ON;

        public static Type of(String yaml) {
            return valueOf(yaml.toUpperCase().replace('-', '_'));
        }
    }

    public record Option(String id, Map<String, String> text) {
    }

    /** The correct answer of each question type. */
    public sealed interface Key {
    }

    public record SingleKey(String choiceId) implements Key {
    }

    public record MultipleKey(Set<String> choiceIds) implements Key {
    }

    /** Correct within {@code relative} (share of the value) or {@code absolute}; exactly one is set. */
    public record NumericKey(double value, Double relative, Double absolute) implements Key {
        public boolean accepts(double answer) {
            double allowed = relative != null ? Math.abs(value) * relative : absolute;
            return Math.abs(answer - value) <= allowed + 1e-12 * Math.max(1, Math.abs(value));
        }
    }

    public record OrderingKey(List<String> order) implements Key {
    }

    /** Checked against a simulation result at grading time. */
    public sealed interface HandsOnKey extends Key {
    }

    /** The compute-optimal parameter count for a budget by one method (Chinchilla, Kaplan, TokensPerParameter). */
    public record ComputeOptimalKey(double computeFlops, String method, double tolerance) implements HandsOnKey {
    }

    /**
     * The largest minimum word count that removes no document of the category for being too short,
     * within {@code tolerance}: the answer a is right when a keeps every document of the category and
     * a · (1 + tolerance) does not.
     */
    public record LargestMinWordsKey(String category, double tolerance) implements HandsOnKey {
    }
}
