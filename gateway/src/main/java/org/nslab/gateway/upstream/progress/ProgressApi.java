package org.nslab.gateway.upstream.progress;

import io.smallrye.graphql.client.typesafe.api.GraphQLClientApi;
import io.smallrye.graphql.client.typesafe.api.Header;
import io.smallrye.mutiny.Uni;
import java.util.List;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.nslab.contracts.UserError;
import org.nslab.contracts.progress.ProgressTypes.LearnerProgress;
import org.nslab.contracts.progress.ProgressTypes.LearnerProgressInput;
import org.nslab.contracts.progress.ProgressTypes.MergeGuestProgressInput;
import org.nslab.gateway.upstream.ServiceTokens;

/**
 * The progress service's internal GraphQL API as a typed client; only {@link ProgressUpstream} calls it. Inputs and types
 * are the service's own ({@code services/contracts/progress-api}).
 */
@GraphQLClientApi(configKey = "progress")
@Header(name = "Authorization", method = "bearer")
public interface ProgressApi {

    static String bearer() {
        return ServiceTokens.bearer();
    }

    @Query("learnerProgress")
    Uni<ProgressResult> learnerProgress(@NonNull @Name("input") LearnerProgressInput input);

    @Mutation("mergeGuestProgress")
    Uni<MergeResult> mergeGuestProgress(@NonNull @Name("input") MergeGuestProgressInput input);

    record ProgressResult(List<LearnerProgress> learners, List<UserError> userErrors) {
    }

    record MergeResult(String accountActorKey, long movedEvents, List<UserError> userErrors) {
    }
}
