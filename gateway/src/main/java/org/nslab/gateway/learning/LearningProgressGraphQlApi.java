package org.nslab.gateway.learning;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;
import org.eclipse.microprofile.graphql.Type;
import org.nslab.contracts.UserError;
import org.nslab.contracts.UserErrorCode;
import org.nslab.contracts.progress.ProgressTypes;
import org.nslab.contracts.progress.ProgressTypes.LearnerProgress;
import org.nslab.contracts.progress.ProgressTypes.LearnerProgressInput;
import org.nslab.events.ActorKey;
import org.nslab.gateway.graphql.Viewer;
import org.nslab.gateway.security.GuestTokens;
import org.nslab.gateway.upstream.progress.ProgressApi.MergeResult;
import org.nslab.gateway.upstream.progress.ProgressApi.ProgressResult;
import org.nslab.gateway.upstream.progress.ProgressUpstream;

/** The caller's progress (a field of viewer, batched) and the guest-to-account merge at sign-in. */
@GraphQLApi
public class LearningProgressGraphQlApi {

    private final ProgressUpstream progress;
    private final SecurityIdentity identity;
    private final GuestTokens guestTokens;
    private final Clock clock;

    public LearningProgressGraphQlApi(ProgressUpstream progress, SecurityIdentity identity, GuestTokens guestTokens, Clock clock) {
        this.progress = progress;
        this.identity = identity;
        this.guestTokens = guestTokens;
        this.clock = clock;
    }

    @Input("MergeGuestProgressInput")
    public record MergeGuestProgressInput(@NonNull @Description("The token of the guest session to take over") String guestToken) {
    }

    @Type("MergeGuestProgressPayload")
    public record MergeGuestProgressPayload(long movedEvents, @NonNull List<@NonNull UserError> userErrors) {
    }

    @Description("Levels, stages and components visited, quiz mastery, learning-path position, time spent, where to resume, milestones.")
    public List<LearnerProgress> progress(@Source List<Viewer> viewers) {
        List<String> keys = viewers.stream().map(Viewer::actorKey).distinct().toList();
        ProgressResult r = progress.learnerProgress(new LearnerProgressInput(keys));
        Map<String, LearnerProgress> byKey = (r.learners() == null ? List.<LearnerProgress>of() : r.learners()).stream()
                .collect(Collectors.toMap(LearnerProgress::actorKey, Function.identity(), (a, b) -> a));
        return viewers.stream().map(v -> byKey.get(v.actorKey())).toList();
    }

    @Mutation("mergeGuestProgress")
    @Description("After signing in: moves the progress of a guest session (proved by its token) into the signed-in account. Idempotent.")
    @RolesAllowed({"learner", "instructor", "admin"})
    public @NonNull MergeGuestProgressPayload mergeGuestProgress(@NonNull @Name("input") MergeGuestProgressInput input) {
        Optional<UUID> guest = guestTokens.verify(input.guestToken(), clock.instant());
        if (guest.isEmpty()) {
            return new MergeGuestProgressPayload(0, List.of(new UserError(List.of("input", "guestToken"),
                    "not a valid guest session token (or it expired)", UserErrorCode.INVALID_GUEST_TOKEN)));
        }
        String guestKey = ActorKey.guest(guest.get()).toString();
        MergeResult r = progress.mergeGuestProgress(
                new ProgressTypes.MergeGuestProgressInput(guestKey, LearningCalls.key(identity)));
        return new MergeGuestProgressPayload(r.movedEvents(), LearningCalls.errors(r.userErrors()));
    }
}
