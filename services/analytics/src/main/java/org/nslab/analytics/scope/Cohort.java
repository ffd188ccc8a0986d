package org.nslab.analytics.scope;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A group of learners of one course in one institution, taught by its instructors. */
public record Cohort(UUID id, String tenant, String course, String name, List<String> instructorKeys, List<String> learnerKeys,
                     Instant createdAt) {
}
