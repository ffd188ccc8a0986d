package org.nslab.gateway.graphql;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.nslab.events.ActorKey;
import org.nslab.events.LearningEventRecorded;
import org.nslab.events.LearningEventRecorded.Actor;
import org.nslab.gateway.security.Actors;
import org.nslab.gateway.security.GuestTokens;
import org.nslab.gateway.service.LearningEventService;
import org.nslab.gateway.upstream.analytics.AnalyticsApi.LearnerActivity;

@GraphQLApi
public class LearningGraphQlApi {

    private final LearningEventService learningEvents;
    private final SecurityIdentity identity;
    private final GuestTokens guestTokens;
    private final Clock clock;

    public LearningGraphQlApi(LearningEventService learningEvents, SecurityIdentity identity, GuestTokens guestTokens, Clock clock) {
        this.learningEvents = learningEvents;
        this.identity = identity;
        this.guestTokens = guestTokens;
        this.clock = clock;
    }

    @Mutation
    @Description("Starts an anonymous guest session; send its token as 'Authorization: Guest <token>'.")
    @PermitAll
    public @NonNull StartGuestSessionPayload startGuestSession() {
        GuestTokens.GuestSession session = guestTokens.issue(UUID.randomUUID(), clock.instant());
        return new StartGuestSessionPayload(ActorKey.guestIdOf(session.guestId()), session.token(), session.expiresAt());
    }

    @Mutation
    @Description("Records what the caller did in a level, as an xAPI statement. Domain problems come back as userErrors.")
    @RolesAllowed({"learner", "instructor", "admin", "guest"})
    public Uni<@NonNull RecordLearningEventPayload> recordLearningEvent(@NonNull @Name("input") RecordLearningEventInput input) {
        return learningEvents.record(input, identity);
    }

    @Query
    @Description("The caller.")
    @RolesAllowed({"learner", "instructor", "admin", "module-author", "guest"})
    public @NonNull Viewer viewer() {
        Actor actor = Actors.of(identity);
        return new Viewer(actor.id(), actor.kind(), actor.tenant(), identity.getRoles().stream().sorted().toList(),
                LearningEventRecorded.keyOf(actor));
    }

    @Description("What the viewer has done so far, counted by the analytics service.")
    public List<LearnerActivity> activity(@Source List<Viewer> viewers) {
        return learningEvents.activities(viewers);
    }
}
