package org.nslab.events;

/** Kafka topic names, {@code <owner>.<event-name>.v<N>}. */
public final class Topics {

    /** {@link LearningEventRecorded}, published by the gateway, keyed by {@code tenant/actorId}. */
    public static final String LEARNING_EVENT_RECORDED = "gateway.learning-event-recorded.v1";

    /** {@link TrainingProgressed}, published by the simulation service, keyed by run id. */
    public static final String TRAINING_PROGRESSED = "simulation.training-progressed.v1";

    /** {@link TrainingRunRequested}, published by the simulation service, keyed by run id, consumed by its replicas as one group. */
    public static final String TRAINING_RUN_REQUESTED = "simulation.training-run-requested.v1";

    /** {@link QuizAttemptGraded}, published by the quiz service through its outbox, keyed by {@code tenant/actorId}. */
    public static final String QUIZ_ATTEMPT_GRADED = "quiz.attempt-graded.v1";

    /** {@link MilestoneReached}, published by the progress service through its outbox, keyed by {@code tenant/actorId}. */
    public static final String MILESTONE_REACHED = "progress.milestone-reached.v1";

    /** {@link GuestProgressMerged}, published by the progress service through its outbox, keyed by the account. */
    public static final String GUEST_PROGRESS_MERGED = "progress.guest-progress-merged.v1";

    /** {@link ModuleRegistered}, published by the gateway's module registry, keyed by module id. */
    public static final String MODULE_REGISTERED = "gateway.module-registered.v1";

    /** {@link ContentReleasePublished}, published by the content service through its outbox, keyed by {@code course}. */
    public static final String CONTENT_RELEASE_PUBLISHED = "content.release-published.v1";

    private Topics() {
    }
}
