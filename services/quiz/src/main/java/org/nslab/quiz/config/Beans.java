package org.nslab.quiz.config;

import io.quarkus.runtime.ShutdownEvent;
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
import org.nslab.quiz.client.ServiceTokens;
import org.nslab.quiz.grading.QuestionBank;

public class Beans {

    /**
     * The questions of the content service's active release, loaded over its GraphQL with the quiz service's
     * account (role grader) and reloaded when content.release-published.v1 says another release is active.
     */
    @Produces
    @ApplicationScoped
    CurrentRelease<QuestionBank> questions(ServiceTokens tokens, @ConfigProperty(name = "nslab.content.url") String contentUrl,
                                           @ConfigProperty(name = "nslab.content.timeout") Duration timeout) {
        return CurrentRelease.fromContentService("quiz", contentUrl, tokens::accessToken, timeout, true,
                r -> QuestionBank.of(r.releaseId(), r.document()));
    }

    void closeQuestions(@Disposes CurrentRelease<QuestionBank> questions) {
        questions.close();
    }

    /** Gives the first load a moment at start; past it the service starts not ready and keeps trying. */
    void loadAtStart(@Observes StartupEvent event, CurrentRelease<QuestionBank> questions,
                     @ConfigProperty(name = "nslab.content.start-wait") Duration wait) throws InterruptedException {
        questions.awaitAtStart(wait);
    }

    @Produces
    @ApplicationScoped
    OutboxRelay outboxRelay(DataSource dataSource, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
        return OutboxRelay.forKafka(dataSource, bootstrap, "quiz-outbox").start();
    }

    void close(@Disposes OutboxRelay relay) {
        relay.close();
    }

    void onStop(@Observes ShutdownEvent event, OutboxRelay relay) {
        relay.nudge();
    }
}
