package org.nslab.contracts.progress;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/**
 * The progress service's GraphQL inputs and types: the service answers with them, the gateway sends the inputs (with
 * verified actor keys) and shows {@code LearnerProgress} as it is ({@code Viewer.progress}).
 */
public final class ProgressTypes {

    private ProgressTypes() {
    }

    @Input("LearnerProgressInput")
    public record LearnerProgressInput(@NonNull @Description("tenant/actorId keys, at most 100") List<@NonNull String> actorKeys) {
    }

    @Input("MergeGuestProgressInput")
    public record MergeGuestProgressInput(@NonNull @Description("public/guest-<uuid>, verified by the gateway") String guestActorKey,
                                          @NonNull @Description("tenant/actorId of the signed-in account, verified by the gateway") String accountActorKey) {
    }

    @Type("ProgressItem")
    public record Item(@NonNull String kind, @NonNull String id, Integer level) {
    }

    @Type("QuizMastery")
    public record QuizMastery(@NonNull String quizId, int solved, int questionCount, double mastery, boolean mastered) {
    }

    @Type("PathProgress")
    public record PathProgress(@NonNull String pathId, int completedSteps, int totalSteps, boolean completed, Integer nextStepIndex,
                               Item nextStep) {
    }

    @Type("Milestone")
    public record MilestoneView(@NonNull String milestone, @NonNull String objectId, @NonNull Instant reachedAt) {
    }

    @Type("LearnerProgress")
    public record LearnerProgress(@NonNull String actorKey, @NonNull List<@NonNull Integer> levelsVisited,
                                  @NonNull List<@NonNull String> stationsVisited, @NonNull List<@NonNull String> stagesVisited,
                                  @NonNull List<@NonNull String> componentsVisited, @NonNull List<@NonNull String> chaptersVisited,
                                  @NonNull List<@NonNull String> experimentsVisited, @NonNull List<@NonNull QuizMastery> quizzes,
                                  @Description("The path the learner chose last") String currentPathId,
                                  @NonNull List<@NonNull PathProgress> paths, long timeSpentMs, long eventCount,
                                  Instant firstSeenAt, Instant lastSeenAt,
                                  @Description("Where to resume: the item visited last") Item resume, Instant resumeAt,
                                  @NonNull List<@NonNull MilestoneView> milestones) {
    }
}
