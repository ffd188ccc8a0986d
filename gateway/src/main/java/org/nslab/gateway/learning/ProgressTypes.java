package org.nslab.gateway.learning;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** A learner's progress as the progress service computes it. */
public final class ProgressTypes {

    private ProgressTypes() {
    }

    @Type("ProgressItem")
    public record ProgressItem(@NonNull String kind, @NonNull String id, Integer level) {
    }

    @Type("QuizMastery")
    public record QuizMastery(@NonNull String quizId, int solved, int questionCount, double mastery, boolean mastered) {
    }

    @Type("PathProgress")
    public record PathProgress(@NonNull String pathId, int completedSteps, int totalSteps, boolean completed, Integer nextStepIndex,
                               ProgressItem nextStep) {
    }

    @Type("Milestone")
    public record Milestone(@NonNull String milestone, @NonNull String objectId, @NonNull Instant reachedAt) {
    }

    @Type("LearnerProgress")
    public record LearnerProgress(@NonNull String actorKey, @NonNull List<@NonNull Integer> levelsVisited,
                                  @NonNull List<@NonNull String> stationsVisited, @NonNull List<@NonNull String> stagesVisited,
                                  @NonNull List<@NonNull String> componentsVisited, @NonNull List<@NonNull String> chaptersVisited,
                                  @NonNull List<@NonNull String> experimentsVisited, @NonNull List<@NonNull QuizMastery> quizzes,
                                  String currentPathId, @NonNull List<@NonNull PathProgress> paths, long timeSpentMs, long eventCount,
                                  Instant firstSeenAt, Instant lastSeenAt, ProgressItem resume, Instant resumeAt,
                                  @NonNull List<@NonNull Milestone> milestones) {
    }
}
