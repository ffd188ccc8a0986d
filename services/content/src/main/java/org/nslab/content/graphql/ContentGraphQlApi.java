package org.nslab.content.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.nslab.content.graphql.ContentPayloads.ContentItemsPayload;
import org.nslab.content.graphql.ContentPayloads.CourseModelPayload;
import org.nslab.content.graphql.ContentPayloads.CoursePayload;
import org.nslab.content.repository.ReleaseRepository;
import org.nslab.content.service.ContentCatalog;
import org.nslab.content.service.ReleaseSnapshot;
import org.nslab.contracts.UserError;
import org.nslab.contracts.UserErrorCode;
import org.nslab.contracts.content.ContentTypes.ContentItem;
import org.nslab.contracts.content.ContentTypes.ContentRelease;

/** Internal API of the content service; the gateway calls it with its service account. */
@GraphQLApi
@RolesAllowed("service")
public class ContentGraphQlApi {

    static final int MAX_ITEMS = 200;
    static final String GRADER = "grader";
    private static final String LOCALE = "^[a-z]{2,3}(-[A-Z]{2})?$";

    private final ContentCatalog catalog;
    private final ReleaseRepository releases;
    private final SecurityIdentity identity;

    public ContentGraphQlApi(ContentCatalog catalog, ReleaseRepository releases, SecurityIdentity identity) {
        this.catalog = catalog;
        this.releases = releases;
        this.identity = identity;
    }

    @Input("CourseInput")
    public record CourseInput(@Description("BCP 47 language tag such as en or de-AT; defaults to the release's default") String locale,
                              @Description("A release id; the active release when absent") String releaseId) {
    }

    @Input("ContentRefInput")
    public record ContentRefInput(@NonNull String kind, @NonNull String id) {
    }

    @Input("ContentItemsInput")
    public record ContentItemsInput(@NonNull List<@NonNull ContentRefInput> refs, String locale, String releaseId) {
    }

    @Input("CourseModelInput")
    public record CourseModelInput(@Description("A release id; the active release when absent") String releaseId,
                                   @Description("With each quiz's questions and keys: only for the role grader (the quiz service)")
                                   Boolean withQuestions) {
        boolean questions() {
            return Boolean.TRUE.equals(withQuestions);
        }
    }

    @Query("courseModel")
    @Description("A release's course document (the active release by default), as the quiz and progress services load it.")
    public @NonNull CourseModelPayload courseModel(@Name("input") CourseModelInput input) {
        CourseModelInput in = input == null ? new CourseModelInput(null, false) : input;
        if (in.questions() && !identity.hasRole(GRADER)) {
            return new CourseModelPayload(null, null, List.of(new UserError(List.of("input", "withQuestions"),
                    "only the quiz service's account (role " + GRADER + ") may read questions", UserErrorCode.FORBIDDEN)));
        }
        Optional<ReleaseSnapshot> snapshot = catalog.snapshot(in.releaseId());
        if (snapshot.isEmpty()) {
            return new UnknownRelease(in.releaseId()).model();
        }
        Optional<JsonNode> document = releases.document(snapshot.get().release().id());
        if (document.isEmpty()) {
            return new CourseModelPayload(CourseMapper.release(snapshot.get().release()), null, List.of(new UserError(
                    List.of("input", "releaseId"), "release '" + snapshot.get().release().id()
                    + "' was imported before course documents were kept; import its files again", UserErrorCode.NO_DOCUMENT)));
        }
        JsonNode served = in.questions() ? document.get() : withoutQuestions(document.get());
        return new CourseModelPayload(CourseMapper.release(snapshot.get().release()), served.toString(), List.of());
    }

    /** Each quiz keeps its id, target, pass score and question count. */
    static JsonNode withoutQuestions(JsonNode document) {
        ObjectNode copy = document.deepCopy();
        for (JsonNode file : copy.path("quizzes")) {
            for (JsonNode quiz : file.path("quizzes")) {
                ((ObjectNode) quiz).put("questionCount", quiz.path("questions").size());
                ((ObjectNode) quiz).remove("questions");
            }
        }
        return copy;
    }

    @Query("course")
    @Description("The whole course in one locale; texts missing in that locale fall back to its language, then to the default.")
    public @NonNull CoursePayload course(@Name("input") CourseInput input) {
        CourseInput in = input == null ? new CourseInput(null, null) : input;
        List<UserError> errors = checkLocale(in.locale());
        if (!errors.isEmpty()) {
            return new CoursePayload(null, errors);
        }
        Optional<ReleaseSnapshot> snapshot = catalog.snapshot(in.releaseId());
        if (snapshot.isEmpty()) {
            return new UnknownRelease(in.releaseId()).course();
        }
        String locale = in.locale() == null ? snapshot.get().release().defaultLocale() : in.locale();
        return new CoursePayload(new CourseMapper(snapshot.get(), locale).course(), List.of());
    }

    @Query("contentItems")
    @Description("Titles and levels of items by kind and id (at most 200), in the order asked; unknown ones come back with found=false.")
    public @NonNull ContentItemsPayload contentItems(@NonNull @Name("input") ContentItemsInput input) {
        List<UserError> errors = new ArrayList<>(checkLocale(input.locale()));
        if (input.refs().size() > MAX_ITEMS) {
            errors.add(new UserError(List.of("input", "refs"), "at most " + MAX_ITEMS + " refs, got " + input.refs().size(), UserErrorCode.TOO_MANY));
        }
        for (int i = 0; i < Math.min(input.refs().size(), MAX_ITEMS); i++) {
            if (!CourseMapper.KINDS.contains(input.refs().get(i).kind())) {
                errors.add(new UserError(List.of("input", "refs", String.valueOf(i), "kind"),
                        "unknown kind '" + input.refs().get(i).kind() + "'; known: " + CourseMapper.KINDS.stream().sorted().toList(),
                        UserErrorCode.UNKNOWN_KIND));
            }
        }
        Optional<ReleaseSnapshot> snapshot = catalog.snapshot(input.releaseId());
        if (snapshot.isEmpty()) {
            errors.add(new UnknownRelease(input.releaseId()).error());
        }
        if (!errors.isEmpty()) {
            return new ContentItemsPayload(List.of(), errors);
        }
        String locale = input.locale() == null ? snapshot.get().release().defaultLocale() : input.locale();
        CourseMapper mapper = new CourseMapper(snapshot.get(), locale);
        List<ContentItem> items = input.refs().stream().map(r -> mapper.item(r.kind(), r.id())).toList();
        return new ContentItemsPayload(items, List.of());
    }

    @Query("contentReleases")
    @Description("Every imported release, newest first; exactly one is active.")
    public @NonNull List<@NonNull ContentRelease> contentReleases() {
        return releases.all().stream().map(CourseMapper::release).toList();
    }

    /** An unknown release, as each payload reports it. */
    private record UnknownRelease(String releaseId) {
        UserError error() {
            return new UserError(List.of("input", "releaseId"), "no content release '" + releaseId + "'", UserErrorCode.UNKNOWN_RELEASE);
        }

        CoursePayload course() {
            return new CoursePayload(null, List.of(error()));
        }

        CourseModelPayload model() {
            return new CourseModelPayload(null, null, List.of(error()));
        }
    }

    private static List<UserError> checkLocale(String locale) {
        if (locale != null && !locale.matches(LOCALE)) {
            return List.of(new UserError(List.of("input", "locale"), "locale must look like en or de-AT", UserErrorCode.INVALID_LOCALE));
        }
        return List.of();
    }
}
