package org.nslab.courserelease;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One content release as the content service serves it to the services that grade against it.
 *
 * @param releaseId the release's id (the hash of its files)
 * @param document  the course tree that {@code content/schema/content.schema.json} describes, without prose
 */
public record CourseRelease(String releaseId, JsonNode document) {
}
