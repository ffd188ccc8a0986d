package org.nslab.content.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.nslab.content.course.CourseSource;
import org.nslab.content.course.CourseValidator;
import org.nslab.content.repository.ReleaseRepository;
import org.nslab.content.repository.ReleaseRepository.ImportOutcome;
import org.nslab.outbox.OutboxRelay;

/**
 * At start: validates the course (packed in the jar, or the folder {@code nslab.content.source-dir} names)
 * and imports it as a release unless it is there already. A release that becomes active is announced on
 * {@code content.release-published.v1} through the outbox.
 */
@ApplicationScoped
public class ContentImporter {

    private static final Logger LOG = Logger.getLogger(ContentImporter.class);

    private final ReleaseRepository releases;
    private final OutboxRelay relay;
    private final Optional<Path> sourceDir;

    public ContentImporter(ReleaseRepository releases, OutboxRelay relay,
                           @ConfigProperty(name = "nslab.content.source-dir") Optional<Path> sourceDir) {
        this.releases = releases;
        this.relay = relay;
        this.sourceDir = sourceDir;
    }

    void onStart(@Observes StartupEvent event) {
        CourseSource source = sourceDir.map(CourseSource::directory).orElse(CourseSource.classpath());
        ReleaseRows rows = ReleaseRows.of(CourseValidator.readValid(source));
        ImportOutcome outcome = importRows(rows);
        LOG.infof("content release %s from %s: %s (%d items, %d prose sections)", rows.release().id(),
                sourceDir.map(Path::toString).orElse("the packed course"), outcome, rows.items().size(), rows.prose().size());
    }

    public ImportOutcome importRows(ReleaseRows rows) {
        ImportOutcome outcome = releases.importRelease(rows.release(), rows.items(), rows.prose(), rows.document());
        relay.nudge();
        return outcome;
    }
}
