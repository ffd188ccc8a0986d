package org.nslab.gateway.graphql;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.nslab.contracts.UserError;
import org.nslab.events.LearningVerb;

@Type("RecordLearningEventPayload")
public record RecordLearningEventPayload(RecordedLearningEvent event, @NonNull List<@NonNull UserError> userErrors) {

    public static RecordLearningEventPayload recorded(RecordedLearningEvent event) {
        return new RecordLearningEventPayload(event, List.of());
    }

    public static RecordLearningEventPayload rejected(List<UserError> errors) {
        return new RecordLearningEventPayload(null, errors);
    }

    @Type("RecordedLearningEvent")
    public record RecordedLearningEvent(@NonNull String id, @NonNull LearningVerb verb, @NonNull String objectId,
                                        @NonNull Instant timestamp, @NonNull Instant recordedAt) {
    }
}
