package org.nslab.progress.graphql;

import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Type;
import org.nslab.contracts.UserError;
import org.nslab.contracts.UserErrorCode;
import org.nslab.contracts.progress.ProgressTypes.Item;
import org.nslab.contracts.progress.ProgressTypes.LearnerProgress;
import org.nslab.contracts.progress.ProgressTypes.LearnerProgressInput;
import org.nslab.contracts.progress.ProgressTypes.MergeGuestProgressInput;
import org.nslab.contracts.progress.ProgressTypes.MilestoneView;
import org.nslab.contracts.progress.ProgressTypes.PathProgress;
import org.nslab.contracts.progress.ProgressTypes.QuizMastery;
import org.nslab.events.ActorKey;
import org.nslab.progress.model.ProgressCalculator;
import org.nslab.progress.model.ProgressFacts;
import org.nslab.progress.service.ProgressService;
import org.nslab.progress.service.ProgressService.Merge;
import org.nslab.progress.service.ProgressService.Progress;

/** Internal API of the progress service; the gateway calls it with its service account and verified actors. */
@GraphQLApi
@RolesAllowed("service")
public class ProgressGraphQlApi {

    static final int MAX_ACTORS = 100;

    private final ProgressService progress;

    public ProgressGraphQlApi(ProgressService progress) {
        this.progress = progress;
    }

    @Type("LearnerProgressPayload")
    public record LearnerProgressPayload(@NonNull List<@NonNull LearnerProgress> learners, @NonNull List<@NonNull UserError> userErrors) {
    }

    @Type("MergeGuestProgressPayload")
    public record MergeGuestProgressPayload(String accountActorKey, long movedEvents, @NonNull List<@NonNull UserError> userErrors) {
    }

    @Query("learnerProgress")
    @Description("The progress of several learners at once, in the order asked.")
    public @NonNull LearnerProgressPayload learnerProgress(@NonNull @Name("input") LearnerProgressInput input) {
        List<UserError> errors = new ArrayList<>();
        if (input.actorKeys().size() > MAX_ACTORS) {
            errors.add(new UserError(List.of("input", "actorKeys"), "at most " + MAX_ACTORS + " actors per request", UserErrorCode.TOO_MANY));
        }
        for (int i = 0; i < Math.min(MAX_ACTORS, input.actorKeys().size()); i++) {
            if (ActorKey.tryParse(input.actorKeys().get(i)).isEmpty()) {
                errors.add(new UserError(List.of("input", "actorKeys", String.valueOf(i)), "not a tenant/actorId key", UserErrorCode.INVALID_ACTOR));
            }
        }
        if (!errors.isEmpty()) {
            return new LearnerProgressPayload(List.of(), errors);
        }
        return new LearnerProgressPayload(progress.progress(input.actorKeys()).stream().map(ProgressGraphQlApi::view).toList(), List.of());
    }

    @Mutation("mergeGuestProgress")
    @Description("Moves a guest's progress into the account the guest signed in to; the gateway proves both identities. Idempotent.")
    public @NonNull MergeGuestProgressPayload mergeGuestProgress(@NonNull @Name("input") MergeGuestProgressInput input) {
        List<UserError> errors = new ArrayList<>();
        Optional<ActorKey> guest = ActorKey.tryParse(input.guestActorKey()).filter(ActorKey::isGuest);
        if (guest.isEmpty()) {
            errors.add(new UserError(List.of("input", "guestActorKey"), "not a guest key (public/guest-<uuid>)", UserErrorCode.INVALID_ACTOR));
        }
        // Guests belong to the public tenant and nothing else does: no account lives there.
        Optional<ActorKey> account = ActorKey.tryParse(input.accountActorKey()).filter(k -> !k.tenant().equals(ActorKey.PUBLIC_TENANT));
        if (account.isEmpty()) {
            errors.add(new UserError(List.of("input", "accountActorKey"), "not an account key (tenant/actorId)", UserErrorCode.INVALID_ACTOR));
        }
        if (!errors.isEmpty()) {
            return new MergeGuestProgressPayload(null, 0, errors);
        }
        Merge merge = progress.merge(guest.get(), account.get());
        if (merge.refusal() != null) {
            return new MergeGuestProgressPayload(null, 0, List.of(new UserError(List.of("input", "guestActorKey"), merge.refusal(),
                    UserErrorCode.ALREADY_MERGED)));
        }
        return new MergeGuestProgressPayload(merge.accountKey(), merge.movedEvents(), List.of());
    }

    private static LearnerProgress view(Progress p) {
        ProgressFacts f = p.facts();
        List<QuizMastery> quizzes = f.quizzes().stream()
                .map(q -> new QuizMastery(q.quizId(), q.solved(), q.questionCount(), q.mastery(), q.mastered())).toList();
        List<PathProgress> paths = p.paths().stream().map(path -> new PathProgress(path.pathId(), path.completedSteps(), path.totalSteps(),
                path.completed(), path.nextStepIndex(), path.nextStep() == null ? null
                        : new Item(path.nextStep().kind(), path.nextStep().id(), null))).toList();
        return new LearnerProgress(f.actorKey(), List.copyOf(ProgressCalculator.levels(f)), ProgressCalculator.ids(f, "station"),
                ProgressCalculator.ids(f, "stage"), ProgressCalculator.ids(f, "component"), ProgressCalculator.ids(f, "chapter"),
                ProgressCalculator.ids(f, "experiment"), quizzes, f.chosenPath(), paths, f.timeSpentMs(), f.eventCount(), f.firstSeenAt(),
                f.lastSeenAt(), f.lastItem() == null ? null : new Item(f.lastItem().kind(), f.lastItem().id(), f.lastItem().level()),
                f.lastItemAt(), p.milestones().stream().map(m -> new MilestoneView(m.milestone().name(), m.objectId(), m.reachedAt())).toList());
    }
}
