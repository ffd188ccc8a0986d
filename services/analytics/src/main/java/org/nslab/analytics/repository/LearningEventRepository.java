package org.nslab.analytics.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.nslab.events.LearningEventRecorded;
import org.nslab.events.LearningVerb;

@ApplicationScoped
public class LearningEventRepository implements PanacheRepositoryBase<LearningEvent, UUID> {

    /** Per actor and verb: how many events, and the latest. */
    public record VerbTally(String actorKey, String verb, long count, Instant lastAt) {
    }

    /**
     * Stores the event unless one with the same id is already there (a redelivery).
     *
     * @return whether a row was inserted
     */
    public boolean insertIfAbsent(LearningEventRecorded event, String payload) {
        var statement = event.statement();
        int inserted = getEntityManager().createNativeQuery("""
                        INSERT INTO learning_event (id, actor_key, tenant, actor_id, actor_kind, verb, object_id,
                                                    object_type, level, occurred_at, recorded_at, payload)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, cast(?12 AS jsonb))
                        ON CONFLICT (id) DO NOTHING""")
                .setParameter(1, event.id())
                .setParameter(2, event.key())
                .setParameter(3, statement.actor().tenant())
                .setParameter(4, statement.actor().id())
                .setParameter(5, statement.actor().kind().name())
                .setParameter(6, LearningVerb.fromIri(statement.verb().id()).map(Enum::name).orElse(statement.verb().display()))
                .setParameter(7, statement.object().id())
                .setParameter(8, statement.object().type().name())
                .setParameter(9, statement.context() == null || statement.context().level() == null
                        ? null : statement.context().level().shortValue())
                .setParameter(10, statement.timestamp())
                .setParameter(11, event.time())
                .setParameter(12, payload)
                .executeUpdate();
        return inserted == 1;
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
