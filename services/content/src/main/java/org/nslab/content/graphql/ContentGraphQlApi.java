package org.nslab.content.graphql;

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
    private static final String LOCALE = "^[a-z]{2,3}(-[A-Z]{2})?$";

    private final ContentCatalog catalog;
    private final ReleaseRepository releases;

    public ContentGraphQlApi(ContentCatalog catalog, ReleaseRepository releases) {
        this.catalog = catalog;
        this.releases = releases;
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
            return new CoursePayload(null, List.of(new UserError(List.of("input", "releaseId"),
                    "no content release '" + in.releaseId() + "'", UserErrorCode.UNKNOWN_RELEASE)));
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
            errors.add(new UserError(List.of("input", "releaseId"), "no content release '" + input.releaseId() + "'", UserErrorCode.UNKNOWN_RELEASE));
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

    private static List<UserError> checkLocale(String locale) {
        if (locale != null && !locale.matches(LOCALE)) {
            return List.of(new UserError(List.of("input", "locale"), "locale must look like en or de-AT", UserErrorCode.INVALID_LOCALE));
        }
        return List.of();
    }
}
