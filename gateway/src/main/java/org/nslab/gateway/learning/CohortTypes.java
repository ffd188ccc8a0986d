package org.nslab.gateway.learning;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** Cohorts and learning metrics as the analytics service computes them. */
public final class CohortTypes {

    private CohortTypes() {
    }

    @Type("Cohort")
    public record Cohort(@NonNull String id, @NonNull String tenant, @NonNull String course, @NonNull String name,
                         @NonNull List<@NonNull String> instructorKeys, @NonNull List<@NonNull String> learnerKeys, @NonNull Instant createdAt) {
    }

    @Type("Comprehension")
    public record Comprehension(@NonNull String targetKind, @NonNull String targetId, int learners, double meanMastery) {
    }

    @Type("WrongAnswer")
    public record WrongAnswer(@NonNull String response, long count) {
    }

    @Type("ItemDifficulty")
    public record ItemDifficulty(@NonNull String questionId, @NonNull String quizId, long attempts, long firstAttempts,
                                 double firstAttemptCorrectRate, @NonNull List<@NonNull WrongAnswer> commonWrongAnswers) {
    }

    @Type("DropOff")
    public record DropOff(@NonNull String objectId, Integer level, long learners) {
    }

    @Type("LearningMetrics")
    public record LearningMetrics(int learners, long sessions, double averageSessionSeconds, double levelsPerLearner, double completionRate,
                                  double returnRate, @NonNull List<@NonNull Comprehension> comprehension,
                                  @NonNull List<@NonNull ItemDifficulty> items, @NonNull List<@NonNull DropOff> dropOff) {
    }
}
