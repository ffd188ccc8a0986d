package org.nslab.analytics.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class LearningEventRepository implements PanacheRepositoryBase<LearningEvent, UUID> {

    /** Per actor and verb: how many events, and the latest. */
    public record VerbTally(String actorKey, String verb, long count, Instant lastAt) {
    }

    public List<VerbTally> tallies(Collection<String> actorKeys) {
        return getEntityManager().createQuery("""
                        SELECT new org.nslab.analytics.repository.LearningEventRepository$VerbTally(
                               e.actorKey, e.verb, count(e), max(e.occurredAt))
                        FROM LearningEvent e WHERE e.actorKey IN :keys
                        GROUP BY e.actorKey, e.verb""", VerbTally.class)
                .setParameter("keys", actorKeys)
                .getResultList();
    }
}
