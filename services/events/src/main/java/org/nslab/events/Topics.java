package org.nslab.events;

/** Kafka topic names, {@code <owner>.<event-name>.v<N>}. */
public final class Topics {

    /** {@link LearningEventRecorded}, published by the gateway, keyed by {@code tenant/actorId}. */
    public static final String LEARNING_EVENT_RECORDED = "gateway.learning-event-recorded.v1";

    /** {@link TrainingProgressed}, published by the simulation service, keyed by run id. */
    public static final String TRAINING_PROGRESSED = "simulation.training-progressed.v1";

    /** {@link ModuleRegistered}, published by the gateway's module registry, keyed by module id. */
    public static final String MODULE_REGISTERED = "gateway.module-registered.v1";

    private Topics() {
    }
}
