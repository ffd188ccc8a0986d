package org.nslab.gateway.graphql;

import java.time.Instant;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.nslab.events.LearningEventRecorded.ObjectType;
import org.nslab.events.LearningVerb;

@Input("RecordLearningEventInput")
@Description("An xAPI-shaped statement about what the caller did; the actor is the caller.")
public record RecordLearningEventInput(
        @Description("Client-chosen UUID of the statement: retrying with the same id never counts twice") String id,
        @NonNull LearningVerb verb,
        @NonNull @Description("Platform id of the activity, e.g. level:2/training") String objectId,
        @NonNull ObjectType objectType,
        String objectName,
        ResultInput result,
        ContextInput context,
        @Description("When it happened; defaults to now. At most 5 minutes ahead and 30 days back") Instant timestamp) {

    @Input("LearningResultInput")
    public record ResultInput(Double scoreScaled, Boolean success, Boolean completion, Long durationMs, String response) {
    }

    @Input("LearningContextInput")
    public record ContextInput(Integer level, String moduleId, String sessionId, String locale) {
    }
}
