package org.nslab.gateway.graphql;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A problem with the input that the caller can fix; nothing was changed.")
public record UserError(
        @NonNull @Description("Path to the input field, e.g. [\"input\", \"result\", \"scoreScaled\"]") List<@NonNull String> field,
        @NonNull @Description("What is wrong, for a person") String message,
        @NonNull @Description("Stable, machine-readable code") String code) {
}
