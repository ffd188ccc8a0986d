package org.nslab.content.graphql;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.nslab.contracts.UserError;
import org.nslab.contracts.content.ContentTypes.ContentItem;
import org.nslab.contracts.content.ContentTypes.ContentRelease;
import org.nslab.contracts.content.ContentTypes.Course;

/** The content API's payloads; their types are the contract's ({@code services/contracts/content-api}). */
public final class ContentPayloads {

    private ContentPayloads() {
    }

    @Type("CoursePayload")
    public record CoursePayload(Course course, @NonNull List<@NonNull UserError> userErrors) {
    }

    @Type("ContentItemsPayload")
    public record ContentItemsPayload(@NonNull List<@NonNull ContentItem> items, @NonNull List<@NonNull UserError> userErrors) {
    }

    @Type("CourseModelPayload")
    @Description("A release's course document for the services that grade and track progress against it.")
    public record CourseModelPayload(ContentRelease release,
                                     @Description("JSON: the course tree that content/schema/content.schema.json describes (no prose)")
                                     String document,
                                     @NonNull List<@NonNull UserError> userErrors) {
    }
}
