package org.nslab.progress.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.nslab.content.course.CourseSource;
import org.nslab.content.course.CourseValidator;
import org.nslab.outbox.OutboxRelay;
import org.nslab.progress.model.CourseIndex;

public class Beans {

    /** The course packed with the content module: item kinds and levels, learning paths. */
    @Produces
    @ApplicationScoped
    CourseIndex courseIndex() {
        return CourseIndex.of(CourseValidator.readValid(CourseSource.classpath()));
    }

    @Produces
    @ApplicationScoped
    OutboxRelay outboxRelay(DataSource dataSource, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
        return OutboxRelay.forKafka(dataSource, bootstrap, "progress-outbox").start();
    }

    void close(@Disposes OutboxRelay relay) {
        relay.close();
    }
}
