package org.nslab.simulation.graphql;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A problem with the input that the caller can fix, naming the field and the allowed range.")
public record UserError(@NonNull List<@NonNull String> field, @NonNull String message) {

    static UserError of(String message, String... path) {
        return new UserError(List.of(path), message);
    }
}
