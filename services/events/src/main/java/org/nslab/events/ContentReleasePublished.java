package org.nslab.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A content release became the active one: newly imported, or an older release imported again.
 * Services that grade or track progress against the course (quiz, progress) reload the active release
 * from the content service when they see it. Contract: {@code schemas/content-release-published.v1.json};
 * topic {@link Topics#CONTENT_RELEASE_PUBLISHED}, keyed by {@link #KEY} so that every release event stays
 * in order on one partition.
 *
 * @param key           always {@link #KEY}: the course is the one aggregate
 * @param releaseId     the release now active (the first 16 hex digits of the hash of its files)
 * @param previousId    the release active before, absent for the first
 * @param defaultLocale the release's default locale
 * @param locales       every locale the release has prose for
 */
public record ContentReleasePublished(UUID id, Instant time, int schemaVersion, String key, String releaseId, String previousId,
                                      String defaultLocale, List<String> locales) {

    public static final int SCHEMA_VERSION = 1;
    public static final String SCHEMA = "content-release-published.v1";
    public static final String KEY = "course";

    public static ContentReleasePublished of(String releaseId, String previousId, String defaultLocale, List<String> locales,
                                             Instant time) {
        return new ContentReleasePublished(UUID.randomUUID(), time, SCHEMA_VERSION, KEY, releaseId, previousId, defaultLocale,
                List.copyOf(locales));
    }
}
