package org.nslab.contracts.content;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/**
 * The content service's GraphQL types (texts already resolved to one locale): the service answers with them and the
 * gateway reads them and shows them as they are (the public {@code course}, the Journey Map).
 */
public final class ContentTypes {

    private ContentTypes() {
    }

    @Type("ContentRelease")
    @Description("An imported version of the course; its id is the hash of the course files.")
    public record ContentRelease(@NonNull String id, Instant importedAt, boolean active, @NonNull String defaultLocale,
                                 @NonNull List<@NonNull String> locales) {
    }

    @Type("Source")
    public record Source(@NonNull String id, @NonNull String title, @NonNull String authors, int year, @NonNull String url,
                         @NonNull @Description("The table or section that holds the figures quoted") String where) {
    }

    @Type("Position")
    public record Position(double x, double y, double z) {
    }

    @Type("Station")
    @Description("A Journey Map station (Level 1).")
    public record Station(@NonNull String id, int order, @NonNull String title, @NonNull String icon, @NonNull Position position,
                          @NonNull List<@NonNull String> next, @NonNull String stageId, int complexity,
                          @NonNull String duration, @NonNull String cost, @NonNull @Description("Markdown") String description,
                          @NonNull List<@NonNull Source> sources, String quizId) {
    }

    @Type("BranchOption")
    public record BranchOption(@NonNull String id, @NonNull String title, @NonNull List<@NonNull Source> sources) {
    }

    @Type("Branch")
    @Description("Where the pipeline forks: dense vs mixture-of-experts, pre-training vs fine-tuning.")
    public record Branch(@NonNull String id, @NonNull String atStationId, @NonNull String rejoinsStationId,
                         @NonNull List<@NonNull BranchOption> options) {
    }

    @Type("StageComponent")
    public record StageComponent(@NonNull String id, @NonNull String title, @NonNull String description,
                                 @NonNull List<@NonNull String> microscopeComponentIds, String quizId) {
    }

    @Type("Stage")
    @Description("A stage theatre (Level 2).")
    public record Stage(@NonNull String id, int order, @NonNull String title, @NonNull List<@NonNull String> stationIds,
                        @NonNull String description, @NonNull List<@NonNull StageComponent> components, String quizId) {
    }

    @Type("Component")
    @Description("A component under the microscope (Level 3).")
    public record Component(@NonNull String id, int order, @NonNull String title, @NonNull String description,
                            String simulationQuery, String simulationField, String quizId) {
    }

    @Type("Chapter")
    @Description("A data-flow cinema chapter (Level 4) with its narration script.")
    public record Chapter(@NonNull String id, int order, @NonNull String title, int durationSeconds,
                          @NonNull List<@NonNull String> componentIds, @NonNull String narration) {
    }

    @Type("Experiment")
    @Description("A playground experiment (Level 5).")
    public record Experiment(@NonNull String id, int order, @NonNull String title, @NonNull String simulationQuery,
                             @NonNull List<@NonNull String> componentIds, int estimatedMinutes, @NonNull String description) {
    }

    @Type("PathStep")
    public record PathStep(int position, @NonNull String kind, @NonNull String targetId, int minutes) {
    }

    @Type("LearningPath")
    public record LearningPath(@NonNull String id, @NonNull String title, @NonNull String description, int minMinutes,
                               int maxMinutes, int totalMinutes, @NonNull List<@NonNull PathStep> steps) {
    }

    @Type("GlossaryTerm")
    public record GlossaryTerm(@NonNull String id, @NonNull String term, @NonNull String definition,
                               @NonNull List<@NonNull Source> sources) {
    }

    @Type("QuizRef")
    @Description("Which quiz belongs to which item; the questions are served by the quiz service.")
    public record QuizRef(@NonNull String id, @NonNull String targetKind, @NonNull String targetId, int questionCount,
                          double passScore) {
    }

    @Type("Course")
    @Description("The whole course in one locale (with fallback to the release's default locale).")
    public record Course(@NonNull ContentRelease release, @NonNull String locale, @NonNull List<@NonNull Station> stations,
                         @NonNull List<@NonNull Branch> branches, @NonNull List<@NonNull Stage> stages,
                         @NonNull List<@NonNull Component> components, @NonNull List<@NonNull Chapter> chapters,
                         @NonNull List<@NonNull Experiment> experiments, @NonNull List<@NonNull LearningPath> paths,
                         @NonNull List<@NonNull GlossaryTerm> glossary, @NonNull List<@NonNull Source> sources,
                         @NonNull List<@NonNull QuizRef> quizzes) {
    }

    @Type("ContentItem")
    @Description("Any item by kind and id, for labels (progress, dashboards).")
    public record ContentItem(@NonNull String kind, @NonNull String id, boolean found, String title, Integer level) {
    }
}
