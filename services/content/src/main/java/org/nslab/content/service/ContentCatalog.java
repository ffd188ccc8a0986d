package org.nslab.content.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.nslab.content.repository.ReleaseRepository;

/** Reads releases from the database; a release never changes, so each is read once and kept. */
@ApplicationScoped
public class ContentCatalog {

    private final ReleaseRepository releases;
    private final Map<String, ReleaseSnapshot> cache = new ConcurrentHashMap<>();

    public ContentCatalog(ReleaseRepository releases) {
        this.releases = releases;
    }

    /** The active release, or the one asked for; empty when there is no such release. */
    public Optional<ReleaseSnapshot> snapshot(String releaseId) {
        var release = releaseId == null ? releases.active() : releases.find(releaseId);
        return release.map(r -> cache.computeIfAbsent(r.id(),
                id -> new ReleaseSnapshot(r, releases.items(id), releases.prose(id))).withRelease(r));
    }
}
