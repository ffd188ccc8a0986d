package org.nslab.progress.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nslab.content.course.CourseSource;
import org.nslab.content.course.CourseValidator;
import org.nslab.events.LearningEventRecorded.ObjectType;
import org.nslab.events.MilestoneKind;
import org.nslab.progress.model.ProgressCalculator.Milestone;
import org.nslab.progress.model.ProgressFacts.QuizStat;

class ProgressCalculatorTest {

    private static final CourseIndex COURSE = CourseIndex.of(CourseValidator.readValid(CourseSource.classpath()).document());

    @Test
    void objectIdsAreReadAsCourseItemsWithTheirLevel() {
        assertEquals(new ItemRef("level", "1", 1), COURSE.classify("level:1", ObjectType.LEVEL, null));
        assertEquals(new ItemRef("stage", "training", 2), COURSE.classify("level:2/training", ObjectType.STAGE, null));
        assertEquals(new ItemRef("component", "attention", 3), COURSE.classify("component:attention", ObjectType.COMPONENT, null));
        assertEquals(new ItemRef("component", "tokenization", 2), COURSE.classify("tokenization", ObjectType.COMPONENT, null));
        assertEquals(new ItemRef("station", "training", 1), COURSE.classify("station:training", ObjectType.VIEW, null));
        assertEquals(new ItemRef("station", "data-collection", 1), COURSE.classify("data-collection", ObjectType.VIEW, null));
        assertEquals(new ItemRef("path", "beginner", null), COURSE.classify("path:beginner", ObjectType.VIEW, null));
        assertEquals(new ItemRef("view", "settings", 4), COURSE.classify("settings", ObjectType.MODULE, 4));
    }

    @Test
    void aPathIsDoneStepByStepAndItsNextStepIsTheFirstNotDone() {
        Set<ItemRef> visited = new HashSet<>(Set.of(new ItemRef("level", "1", 1), new ItemRef("station", "data-collection", 1)));
        ProgressFacts facts = facts(visited, List.of());
        var beginner = ProgressCalculator.paths(facts, COURSE).get(0);
        assertEquals("beginner", beginner.pathId());
        assertEquals(2, beginner.completedSteps());
        assertEquals(2, beginner.nextStepIndex());
        assertEquals("training", beginner.nextStep().id());

        visited.addAll(Set.of(new ItemRef("station", "training", 1), new ItemRef("chapter", "from-text-to-tokens", 4),
                new ItemRef("chapter", "choosing-the-next-token", 4)));
        ProgressFacts almost = facts(visited, List.of(new QuizStat("quiz-journey-map", 1, 2, 0.6)));
        assertFalse(ProgressCalculator.paths(almost, COURSE).get(0).completed(), "1 of 2 questions is below the pass score 0.6");
        ProgressFacts done = facts(visited, List.of(new QuizStat("quiz-journey-map", 2, 2, 0.6)));
        assertTrue(ProgressCalculator.paths(done, COURSE).get(0).completed());
        assertTrue(ProgressCalculator.milestones(done, COURSE).contains(new Milestone(MilestoneKind.PATH_COMPLETED, "path:beginner")));
    }

    @Test
    void milestonesFollowLevelsStagesAndMasteredQuizzes() {
        Set<ItemRef> visited = Set.of(new ItemRef("level", "1", 1), new ItemRef("stage", "data", 2), new ItemRef("component", "attention", 3),
                new ItemRef("chapter", "from-text-to-tokens", 4), new ItemRef("experiment", "train-a-tiny-gpt", 5));
        List<Milestone> milestones = ProgressCalculator.milestones(facts(visited, List.of(new QuizStat("quiz-stage-data", 1, 1, 0.6),
                new QuizStat("quiz-component-attention", 1, 2, 0.6))), COURSE);
        assertTrue(milestones.contains(new Milestone(MilestoneKind.ALL_LEVELS_EXPLORED, "levels")));
        assertTrue(milestones.contains(new Milestone(MilestoneKind.LEVEL_EXPLORED, "level:3")));
        assertTrue(milestones.contains(new Milestone(MilestoneKind.STAGE_VISITED, "stage:data")));
        assertTrue(milestones.contains(new Milestone(MilestoneKind.QUIZ_MASTERED, "quiz-stage-data")));
        assertFalse(milestones.contains(new Milestone(MilestoneKind.QUIZ_MASTERED, "quiz-component-attention")));
    }

    private static ProgressFacts facts(Set<ItemRef> visited, List<QuizStat> quizzes) {
        return new ProgressFacts("demo-university/alice", visited, quizzes, null, 0, visited.size(), Instant.EPOCH, Instant.EPOCH, null, null);
    }
}
