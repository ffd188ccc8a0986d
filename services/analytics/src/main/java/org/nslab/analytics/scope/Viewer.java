package org.nslab.analytics.scope;

import java.util.Set;
import org.nslab.events.ActorKey;

/** Who asks, as the gateway verified it from their token: key, institution (tenant) and roles. */
public record Viewer(String actorKey, String tenant, Set<String> roles) {

    public boolean isAdmin() {
        return roles.contains("admin");
    }

    public boolean isInstructor() {
        return roles.contains("instructor");
    }

    /** Whether this viewer may read a cohort: an admin of its institution, or one of its instructors. */
    public boolean maySee(Cohort cohort) {
        return cohort.tenant().equals(tenant) && (isAdmin() || isInstructor() && cohort.instructorKeys().contains(actorKey));
    }

    /** Whether a learner key is a {@code tenant/actorId} key of this viewer's institution. */
    public boolean sameInstitution(String key) {
        return ActorKey.tryParse(key).map(k -> k.tenant().equals(tenant)).orElse(false);
    }
}
