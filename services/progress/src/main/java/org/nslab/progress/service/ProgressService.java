package org.nslab.progress.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.nslab.courserelease.CurrentRelease;
import org.nslab.events.ActorKey;
import org.nslab.events.EventCodec;
import org.nslab.events.GuestProgressMerged;
import org.nslab.events.LearningEventRecorded;
import org.nslab.events.LearningEventRecorded.Actor;
import org.nslab.events.LearningEventRecorded.ActorKind;
import org.nslab.events.LearningEventRecorded.Statement;
import org.nslab.events.LearningVerb;
import org.nslab.events.MilestoneReached;
import org.nslab.events.QuizAttemptGraded;
import org.nslab.events.Topics;
import org.nslab.outbox.Outbox;
import org.nslab.progress.model.CourseIndex;
import org.nslab.progress.model.ItemRef;
import org.nslab.progress.model.ProgressCalculator;
import org.nslab.progress.model.ProgressCalculator.Milestone;
import org.nslab.progress.model.ProgressFacts;
import org.nslab.progress.repository.ActivityRepository;
import org.nslab.progress.repository.ActivityRepository.ActivityRow;
import org.nslab.progress.repository.ActivityRepository.LearnerMilestone;
import org.nslab.progress.repository.ActivityRepository.ReachedMilestone;

/** Applies events to the activity log and announces new milestones, each batch in one transaction. */
@ApplicationScoped
public class ProgressService {

    private static final Logger LOG = Logger.getLogger(ProgressService.class);

    /** The outcome of a merge. */
    public record Merge(String accountKey, long movedEvents, String refusal) {
    }

    private final ActivityRepository activity;
    private final CurrentRelease<CourseIndex> release;
    private final Clock clock = Clock.systemUTC();
    private final Counter applied;
    private final Counter duplicates;

    public ProgressService(ActivityRepository activity, CurrentRelease<CourseIndex> release, MeterRegistry registry) {
        this.activity = activity;
        this.release = release;
        this.applied = registry.counter("nslab.progress.events", "outcome", "applied");
        this.duplicates = registry.counter("nslab.progress.events", "outcome", "duplicate");
    }

    /**
     * The course of the content release in use (the content service's active one).
     *
     * @throws IllegalStateException before a first release is loaded (the service is not ready then)
     */
    public CourseIndex course() {
        return release.current().map(CurrentRelease.Loaded::model)
                .orElseThrow(() -> new IllegalStateException("no content release is loaded yet; the content service is unreachable"));
    }

    /** Waits until a first content release is loaded; events are not applied before (they stay in Kafka). */
    public void awaitCourse() throws InterruptedException {
        while (!release.awaitLoaded(Duration.ofSeconds(30))) {
            LOG.warnf("events wait for a content release: %s", release.status().lastError());
        }
    }

    public ActivityRow row(LearningEventRecorded event) {
        Statement s = event.statement();
        ItemRef item = course().classify(s.object().id(), s.object().type(), s.context() == null ? null : s.context().level());
        String verb = LearningVerb.fromIri(s.verb().id()).map(Enum::name).orElse(s.verb().display());
        return new ActivityRow(event.id(), event.key(), s.actor().kind(), verb, item,
                s.timestamp(), s.result() == null ? null : s.result().durationMs(), null, null, null, null, null);
    }

    public ActivityRow row(QuizAttemptGraded event) {
        Statement s = event.statement();
        boolean correct = s.result() != null && Boolean.TRUE.equals(s.result().success());
        return new ActivityRow(event.id(), event.key(), s.actor().kind(), "ANSWERED",
                new ItemRef("question", s.object().id(), s.context() == null ? null : s.context().level()), s.timestamp(),
                s.result() == null ? null : s.result().durationMs(), event.quizId(), s.object().id(), correct, event.questionCount(),
                event.passScore());
    }

    /** Applies a batch; returns how many events were new. Events of merged guests count for their account. */
    @Transactional
    public int apply(List<ActivityRow> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        try (Connection c = activity.connection()) {
            Map<ActorKey, ActorKey> accounts = activity.accountsOf(c, rows.stream().map(ActivityRow::actorKey).toList());
            List<ActivityRow> keyed = rows.stream().map(r -> rekey(r, accounts.get(r.actorKey()))).toList();
            Set<UUID> fresh = activity.insert(c, keyed);
            applied.increment(fresh.size());
            duplicates.increment(rows.size() - fresh.size());
            List<ActivityRow> applied = keyed.stream().filter(r -> fresh.contains(r.eventId())).toList();
            // Milestones come from the items visited and the quizzes: only a new item or a new answer can reach one.
            Set<String> touched = new LinkedHashSet<>(activity.visit(c, applied));
            applied.stream().filter(r -> r.quizId() != null).forEach(r -> touched.add(r.actorKey().toString()));
            Map<String, Actor> actors = new HashMap<>();
            applied.forEach(r -> actors.put(r.actorKey().toString(), r.actorKey().actor(r.actorKind())));
            announceMilestones(c, touched, actors);
            return fresh.size();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot apply " + rows.size() + " events", e);
        }
    }

    private static ActivityRow rekey(ActivityRow r, ActorKey account) {
        if (account == null) {
            return r;
        }
        return new ActivityRow(r.eventId(), account, ActorKind.LEARNER, r.verb(), r.item(), r.occurredAt(),
                r.durationMs(), r.quizId(), r.questionId(), r.correct(), r.questionCount(), r.passScore());
    }

    private void announceMilestones(Connection c, Collection<String> keys, Map<String, Actor> actors) throws SQLException {
        if (keys.isEmpty()) {
            return;
        }
        List<LearnerMilestone> candidates = new ArrayList<>();
        CourseIndex course = course();
        for (ProgressFacts facts : activity.milestoneFacts(c, keys).values()) {
            ProgressCalculator.milestones(facts, course).forEach(m -> candidates.add(new LearnerMilestone(facts.actorKey(), m)));
        }
        List<Outbox.Entry> announcements = new ArrayList<>();
        for (LearnerMilestone reached : activity.reach(c, candidates)) {
            Milestone m = reached.milestone();
            ActorKey key = ActorKey.parse(reached.actorKey());
            MilestoneReached event = new MilestoneReached(MilestoneReached.idOf(key, m.milestone(), m.objectId()),
                    clock.instant(), MilestoneReached.SCHEMA_VERSION, key, actors.get(reached.actorKey()), m.milestone(), m.objectId());
            announcements.add(new Outbox.Entry(Topics.MILESTONE_REACHED, key.toString(), event.id(), EventCodec.encode(event)));
        }
        Outbox.appendAll(c, announcements);
    }

    /**
     * Moves a guest's progress to the account (the gateway verified both identities). Merging the same
     * guest into the same account again changes nothing; into another account is refused.
     */
    @Transactional
    public Merge merge(ActorKey guestKey, ActorKey accountKey) {
        String account = accountKey.toString();
        try (Connection c = activity.connection()) {
            String existing = activity.recordMerge(c, guestKey.toString(), account);
            if (existing != null && !existing.equals(account)) {
                return new Merge(existing, 0, "this guest's progress already belongs to another account");
            }
            if (existing != null) {
                return new Merge(account, 0, null);
            }
            long moved = activity.moveActivity(c, guestKey, accountKey);
            activity.moveVisits(c, guestKey.toString(), account);
            GuestProgressMerged merged = new GuestProgressMerged(GuestProgressMerged.idOf(guestKey, accountKey), clock.instant(),
                    GuestProgressMerged.SCHEMA_VERSION, accountKey, guestKey, moved);
            Outbox.append(c, Topics.GUEST_PROGRESS_MERGED, account, merged.id(), EventCodec.encode(merged));
            announceMilestones(c, List.of(account), Map.of(account, accountKey.actor(ActorKind.LEARNER)));
            return new Merge(account, moved, null);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot merge " + guestKey, e);
        }
    }

    /** Progress of several learners; learners without events come back empty. */
    @Transactional
    public List<Progress> progress(List<String> keys) {
        try (Connection c = activity.connection()) {
            Map<String, ProgressFacts> facts = activity.facts(c, keys);
            Map<String, List<ReachedMilestone>> milestones = activity.milestones(c, keys);
            List<Progress> result = new ArrayList<>();
            CourseIndex course = course();
            for (String key : keys) {
                ProgressFacts f = facts.get(key);
                result.add(new Progress(f, ProgressCalculator.paths(f, course), milestones.getOrDefault(key, List.of())));
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public record Progress(ProgressFacts facts, List<ProgressCalculator.PathProgress> paths, List<ReachedMilestone> milestones) {
    }
}
