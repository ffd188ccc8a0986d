package org.nslab.analytics.metrics;

import java.util.List;

/**
 * The success metrics of a group of learners (a learner alone, a cohort, a course or an institution).
 *
 * @param learners             learners with at least one event
 * @param averageSessionSeconds mean time from the first to the last event of a session; a session ends after 30 minutes without events
 * @param levelsPerLearner     mean number of distinct levels (1–5) a learner explored
 * @param completionRate       share of learners who completed a learning path
 * @param returnRate           share of learners with more than one session
 */
public record LearningMetrics(int learners, long sessions, double averageSessionSeconds, double levelsPerLearner, double completionRate,
                              double returnRate, List<Comprehension> comprehension, List<ItemDifficulty> items, List<DropOff> dropOff) {

    /** Mean quiz mastery (distinct questions answered correctly / questions) of the learners who tried the target's quiz. */
    public record Comprehension(String targetKind, String targetId, int learners, double meanMastery) {
    }

    /**
     * A question's difficulty: the share of first attempts that were correct (higher is easier), and the
     * most common wrong answers.
     */
    public record ItemDifficulty(String questionId, String quizId, long attempts, long firstAttempts, double firstAttemptCorrectRate,
                                 List<WrongAnswer> commonWrongAnswers) {
    }

    public record WrongAnswer(String response, long count) {
    }

    /** Where learners were last seen: the object of their latest event, with how many learners stopped there. */
    public record DropOff(String objectId, Integer level, long learners) {
    }

    public static final double SESSION_GAP_MINUTES = 30;
}
