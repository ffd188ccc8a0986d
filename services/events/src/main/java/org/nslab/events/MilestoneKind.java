package org.nslab.events;

/** What a learner reached ({@link MilestoneReached}); the constant names are the wire spelling. */
public enum MilestoneKind {
    /** Opened a level (object {@code level:N}). */
    LEVEL_EXPLORED,
    /** Visited a pipeline stage (object {@code stage:<id>}). */
    STAGE_VISITED,
    /** Answered enough of a quiz's questions correctly (object the quiz id). */
    QUIZ_MASTERED,
    /** Completed a learning path (object {@code path:<id>}). */
    PATH_COMPLETED,
    /** Opened all five levels (object {@code levels}). */
    ALL_LEVELS_EXPLORED
}
