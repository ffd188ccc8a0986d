package org.nslab.gateway.graphql;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.nslab.events.LearningEventRecorded;
import org.nslab.gateway.security.Actors;
import org.nslab.gateway.training.TrainingProgressFeed;

@GraphQLApi
public class TrainingProgressGraphQlApi {

    private final TrainingProgressFeed feed;
    private final SecurityIdentity identity;

    public TrainingProgressGraphQlApi(TrainingProgressFeed feed, SecurityIdentity identity) {
        this.feed = feed;
        this.identity = identity;
    }

    @Type("TrainingProgress")
    @Description("One step (or state change) of a training run.")
    public record TrainingProgress(@NonNull @Id String runId, @NonNull String state, int step, int steps, Double trainLoss,
                                   Double validationLoss, Double learningRate, Double gradientNorm,
                                   List<@NonNull Double> layerGradientNorms, Double tokensPerSecond, @NonNull Instant time) {
    }

    @Subscription
    @Description("Live progress of one of the caller's training runs (GraphQL over WebSocket: graphql-transport-ws or graphql-ws). "
            + "Runs of other learners yield nothing.")
    @RolesAllowed({"learner", "instructor", "admin", "guest"})
    public Multi<@NonNull TrainingProgress> trainingProgressed(@NonNull @Id @Name("runId") String runId) {
        String owner = LearningEventRecorded.keyOf(Actors.of(identity));
        return feed.of(runId, owner).map(e -> new TrainingProgress(e.runId().toString(), e.state().name(), e.step(), e.steps(), e.trainLoss(),
                e.validationLoss(), e.learningRate(), e.gradientNorm(), e.layerGradientNorms(), e.tokensPerSecond(), e.time()));
    }
}
