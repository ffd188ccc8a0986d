package org.nslab.gateway.learning;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** The course as the content service serves it; the same records are the public types. */
public final class CourseTypes {

    private CourseTypes() {
    }

    @Type("ContentRelease")
    public record ContentRelease(@NonNull String id, Instant importedAt, boolean active, @NonNull String defaultLocale,
                                 @NonNull List<@NonNull String> locales) {
    }

    @Type("Source")
    public record Source(@NonNull String id, @NonNull String title, @NonNull String authors, int year, @NonNull String url, @NonNull String where) {
    }

    @Type("Position")
    public record Position(double x, double y, double z) {
    }

    @Type("Station")
    @Description("A Journey Map station (Level 1).")
    public record Station(@NonNull String id, int order, @NonNull String title, @NonNull String icon, @NonNull Position position,
                          @NonNull List<@NonNull String> next, @NonNull String stageId, int complexity, @NonNull String duration,
                          @NonNull String cost, @NonNull String description, @NonNull List<@NonNull Source> sources) {
    }

    @Type("BranchOption")
    public record BranchOption(@NonNull String id, @NonNull String title, @NonNull List<@NonNull Source> sources) {
    }

    @Type("Branch")
    public record Branch(@NonNull String id, @NonNull String atStationId, @NonNull String rejoinsStationId, @NonNull List<@NonNull BranchOption> options) {
    }

    @Type("StageComponent")
    public record StageComponent(@NonNull String id, @NonNull String title, @NonNull String description,
                                 @NonNull List<@NonNull String> microscopeComponentIds, String quizId) {
    }

    @Type("Stage")
    public record Stage(@NonNull String id, int order, @NonNull String title, @NonNull List<@NonNull String> stationIds, @NonNull String description,
                        @NonNull List<@NonNull StageComponent> components, String quizId) {
    }

    @Type("Component")
    public record Component(@NonNull String id, int order, @NonNull String title, @NonNull String description, String simulationQuery,
                            String simulationField, String quizId) {
    }

    @Type("Chapter")
    public record Chapter(@NonNull String id, int order, @NonNull String title, int durationSeconds, @NonNull List<@NonNull String> componentIds,
                          @NonNull String narration) {
    }

    @Type("Experiment")
    public record Experiment(@NonNull String id, int order, @NonNull String title, @NonNull String simulationQuery,
                             @NonNull List<@NonNull String> componentIds, int estimatedMinutes, @NonNull String description) {
    }

    @Type("PathStep")
    public record PathStep(int position, @NonNull String kind, @NonNull String targetId, int minutes) {
    }

    @Type("LearningPath")
    public record LearningPath(@NonNull String id, @NonNull String title, @NonNull String description, int minMinutes, int maxMinutes,
                               int totalMinutes, @NonNull List<@NonNull PathStep> steps) {
    }

    @Type("GlossaryTerm")
    public record GlossaryTerm(@NonNull String id, @NonNull String term, @NonNull String definition, @NonNull List<@NonNull Source> sources) {
    }

    @Type("QuizRef")
    public record QuizRef(@NonNull String id, @NonNull String targetKind, @NonNull String targetId, int questionCount, double passScore) {
    }

    @Type("Course")
    @Description("The whole course in one locale, with fallback to English.")
    public record Course(@NonNull ContentRelease release, @NonNull String locale, @NonNull List<@NonNull Station> stations,
                         @NonNull List<@NonNull Branch> branches, @NonNull List<@NonNull Stage> stages, @NonNull List<@NonNull Component> components,
                         @NonNull List<@NonNull Chapter> chapters, @NonNull List<@NonNull Experiment> experiments,
                         @NonNull List<@NonNull LearningPath> paths, @NonNull List<@NonNull GlossaryTerm> glossary,
                         @NonNull List<@NonNull Source> sources, @NonNull List<@NonNull QuizRef> quizzes) {
    }

    /** A domain error as a downstream service reports it. */
    public record ServiceError(List<String> field, String message, String code) {
    }
}
