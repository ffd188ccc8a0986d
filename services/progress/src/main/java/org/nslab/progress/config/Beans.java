package org.nslab.progress.config;

import io.quarkus.oidc.client.OidcClient;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.nslab.courserelease.CurrentRelease;
import org.nslab.outbox.OutboxRelay;
import org.nslab.progress.model.CourseIndex;

public class Beans {

    /**
     * Item kinds and levels and the learning paths of the content service's active release, loaded over its
     * GraphQL with the progress service's account (a token per load: loads are rare) and reloaded when
     * content.release-published.v1 says another release is active.
     */
    @Produces
    @ApplicationScoped
    CurrentRelease<CourseIndex> course(OidcClient tokens, @ConfigProperty(name = "nslab.content.url") String contentUrl,
                                       @ConfigProperty(name = "nslab.content.timeout") Duration timeout) {
        return CurrentRelease.fromContentService("progress", contentUrl,
                () -> tokens.getTokens().await().atMost(timeout).getAccessToken(), timeout, false, r -> CourseIndex.of(r.document()));
    }

    void closeCourse(@Disposes CurrentRelease<CourseIndex> course) {
        course.close();
    }

    /** Gives the first load a moment at start; past it the service starts not ready and keeps trying. */
    void loadAtStart(@Observes StartupEvent event, CurrentRelease<CourseIndex> course,
                     @ConfigProperty(name = "nslab.content.start-wait") Duration wait) throws InterruptedException {
        course.awaitAtStart(wait);
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
