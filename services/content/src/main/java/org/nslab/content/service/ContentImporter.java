package org.nslab.content.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.nslab.content.course.CourseSource;
import org.nslab.content.course.CourseValidator;
import org.nslab.content.repository.ReleaseRepository;
import org.nslab.content.repository.ReleaseRepository.ImportOutcome;

/** At start: validates the course packed in the jar and imports it as a release unless it is there already. */
@ApplicationScoped
public class ContentImporter {

    private static final Logger LOG = Logger.getLogger(ContentImporter.class);

    private final ReleaseRepository releases;

    public ContentImporter(ReleaseRepository releases) {
        this.releases = releases;
    }

    void onStart(@Observes StartupEvent event) {
        ReleaseRows rows = ReleaseRows.of(CourseValidator.readValid(CourseSource.classpath()));
        ImportOutcome outcome = importRows(rows);
        LOG.infof("content release %s: %s (%d items, %d prose sections)", rows.release().id(), outcome,
                rows.items().size(), rows.prose().size());
    }

    public ImportOutcome importRows(ReleaseRows rows) {
        return releases.importRelease(rows.release(), rows.items(), rows.prose());
    }
}
