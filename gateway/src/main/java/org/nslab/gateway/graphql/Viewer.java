package org.nslab.gateway.graphql;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.nslab.events.LearningEventRecorded.ActorKind;

@Type("Viewer")
@Description("The caller: a signed-in user or a guest.")
public record Viewer(@NonNull String id, @NonNull ActorKind kind, @NonNull String tenant,
                     @NonNull List<@NonNull String> roles, @NonNull String actorKey) {
}
