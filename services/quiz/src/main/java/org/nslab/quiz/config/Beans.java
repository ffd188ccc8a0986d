package org.nslab.quiz.config;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.nslab.content.course.CourseSource;
import org.nslab.content.course.CourseValidator;
import org.nslab.outbox.OutboxRelay;
import org.nslab.quiz.grading.QuestionBank;

public class Beans {

    /** The quizzes of the course packed into the jar; a broken course stops the start, naming file and id. */
    @Produces
    @ApplicationScoped
    QuestionBank questionBank() {
        return QuestionBank.of(CourseValidator.readValid(CourseSource.classpath()));
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
