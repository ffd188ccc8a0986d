package org.nslab.events;

import java.util.EnumSet;
import java.util.Set;

/** Where a training run is ({@link TrainingProgressed}); the constant names are the wire spelling. */
public enum RunState {
    QUEUED, RUNNING, PAUSED, COMPLETED, STOPPED_EARLY, CANCELLED, FAILED;

    /** The states a run can still leave: waiting, training or paused. */
    public static final Set<RunState> ACTIVE = Set.copyOf(EnumSet.of(QUEUED, RUNNING, PAUSED));

    public boolean isActive() {
        return ACTIVE.contains(this);
    }
}
