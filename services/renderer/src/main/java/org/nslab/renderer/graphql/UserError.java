package org.nslab.renderer.graphql;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.nslab.sdk.scene.Problem;

@Description("A problem with the input that the caller can fix, naming the field (for a scene: the path inside it).")
public record UserError(@NonNull List<@NonNull String> field, @NonNull String message,
                        @NonNull @Description("Stable, machine-readable code") String code) {

    /** A value out of range, a scene that does not validate, a missing clip duration. */
    static final String INVALID_INPUT = "INVALID_INPUT";
    /** The viewer's active renders, or the whole queue, are at their limit. */
    static final String TOO_MANY = "TOO_MANY";
    static final String UNKNOWN_RENDER = "UNKNOWN_RENDER";
    static final String INVALID_ACTOR = "INVALID_ACTOR";
    static final String FORBIDDEN = "FORBIDDEN";

    /**
     * {@code /scene/particles/0/count} → ["input", "scene", "particles", "0", "count"]; a problem without a pointer is a
     * limit (the viewer's active renders, the queue), not a field.
     */
    static UserError of(Problem problem) {
        List<String> path = new ArrayList<>();
        path.add("input");
        for (String part : problem.pointer().split("/")) {
            if (!part.isEmpty()) {
                path.add(part.replace("~1", "/").replace("~0", "~"));
            }
        }
        return new UserError(path, problem.message(), problem.pointer().isEmpty() ? TOO_MANY : INVALID_INPUT);
    }
}
