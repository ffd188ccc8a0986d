package org.nslab.gateway.graphql;

import java.time.Instant;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("StartGuestSessionPayload")
public record StartGuestSessionPayload(
        @NonNull String guestId,
        @NonNull @Description("Send as 'Authorization: Guest <token>'") String token,
        @NonNull Instant expiresAt) {
}
