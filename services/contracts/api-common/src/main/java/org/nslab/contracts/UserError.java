package org.nslab.contracts;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/**
 * A problem with the input that the caller can fix; nothing was changed. The one user error of the platform: the
 * gateway's payloads and the services' payloads carry it, and the gateway reads the services' with it. Build it with
 * a {@link UserErrorCode}; the canonical constructor is there for JSON readers (a service's answer).
 */
@Type("UserError")
@Description("A problem with the input that the caller can fix; nothing was changed.")
public record UserError(
        @NonNull @Description("Path to the input field, e.g. [\"input\", \"result\", \"scoreScaled\"]") List<@NonNull String> field,
        @NonNull @Description("What is wrong, for a person") String message,
        @NonNull @Description("Stable, machine-readable code") String code) {

    public UserError(List<String> field, String message, UserErrorCode code) {
        this(field, message, code.name());
    }
}
