package org.nslab.progress.model;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What is known about one learner, aggregated from their activity.
 *
 * @param visited   every item visited (distinct)
 * @param quizzes   per quiz: questions answered correctly and the quiz's size and pass score
 * @param chosenPath the path the learner most recently chose, or null
 */
public record ProgressFacts(String actorKey, Set<ItemRef> visited, List<QuizStat> quizzes, String chosenPath, long timeSpentMs,
                            long eventCount, Instant firstSeenAt, Instant lastSeenAt, ItemRef lastItem, Instant lastItemAt) {

    public record QuizStat(String quizId, int solved, int questionCount, double passScore) {
        public double mastery() {
            return questionCount == 0 ? 0 : Math.min(1.0, (double) solved / questionCount);
        }

        public boolean mastered() {
            return questionCount > 0 && mastery() >= passScore;
        }
    }
}
