package org.nslab.progress.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.nslab.events.MilestoneKind;

/** Progress and milestones from a learner's facts; pure. */
public final class ProgressCalculator {

    public record PathProgress(String pathId, int completedSteps, int totalSteps, Integer nextStepIndex, CourseIndex.Step nextStep) {
        public boolean completed() {
            return completedSteps == totalSteps;
        }
    }

    /** A milestone: {@code LEVEL_EXPLORED level:N}, {@code ALL_LEVELS_EXPLORED levels}, {@code STAGE_VISITED stage:id}, {@code QUIZ_MASTERED quiz-id}, {@code PATH_COMPLETED path:id}. */
    public record Milestone(MilestoneKind milestone, String objectId) {
    }

    private ProgressCalculator() {
    }

    public static Set<Integer> levels(ProgressFacts facts) {
        return facts.visited().stream().map(ItemRef::level).filter(l -> l != null && l >= 1 && l <= 5)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    public static List<String> ids(ProgressFacts facts, String kind) {
        return facts.visited().stream().filter(i -> i.kind().equals(kind)).map(ItemRef::id).sorted().distinct().toList();
    }

    public static List<PathProgress> paths(ProgressFacts facts, CourseIndex course) {
        List<PathProgress> result = new ArrayList<>();
        for (CourseIndex.PathDef path : course.paths()) {
            int done = 0;
            Integer next = null;
            for (int i = 0; i < path.steps().size(); i++) {
                if (done(facts, path.steps().get(i))) {
                    done++;
                } else if (next == null) {
                    next = i;
                }
            }
            result.add(new PathProgress(path.id(), done, path.steps().size(), next, next == null ? null : path.steps().get(next)));
        }
        return result;
    }

    static boolean done(ProgressFacts facts, CourseIndex.Step step) {
        return switch (step.kind()) {
            case "level" -> levels(facts).contains(Integer.valueOf(step.id()));
            case "quiz" -> facts.quizzes().stream().anyMatch(q -> q.quizId().equals(step.id()) && q.mastered());
            default -> facts.visited().stream().anyMatch(v -> v.kind().equals(step.kind()) && v.id().equals(step.id()));
        };
    }

    public static List<Milestone> milestones(ProgressFacts facts, CourseIndex course) {
        List<Milestone> milestones = new ArrayList<>();
        Set<Integer> levels = levels(facts);
        levels.forEach(l -> milestones.add(new Milestone(MilestoneKind.LEVEL_EXPLORED, "level:" + l)));
        if (levels.size() == 5) {
            milestones.add(new Milestone(MilestoneKind.ALL_LEVELS_EXPLORED, "levels"));
        }
        ids(facts, "stage").forEach(s -> milestones.add(new Milestone(MilestoneKind.STAGE_VISITED, "stage:" + s)));
        facts.quizzes().stream().filter(ProgressFacts.QuizStat::mastered).forEach(q -> milestones.add(new Milestone(MilestoneKind.QUIZ_MASTERED, q.quizId())));
        paths(facts, course).stream().filter(PathProgress::completed).forEach(p -> milestones.add(new Milestone(MilestoneKind.PATH_COMPLETED, "path:" + p.pathId())));
        return milestones;
    }
}
