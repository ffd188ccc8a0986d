package org.nslab.renderer.graphql;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.nslab.sdk.scene.Problem;

@Description("A problem with the input that the caller can fix, naming the field (for a scene: the path inside it).")
public record UserError(@NonNull List<@NonNull String> field, @NonNull String message) {

    /** {@code /scene/particles/0/count} → ["input", "scene", "particles", "0", "count"]. */
    static UserError of(Problem problem) {
        List<String> path = new ArrayList<>();
        path.add("input");
        for (String part : problem.pointer().split("/")) {
            if (!part.isEmpty()) {
                path.add(part.replace("~1", "/").replace("~0", "~"));
            }
        }
        return new UserError(path, problem.message());
    }
}
