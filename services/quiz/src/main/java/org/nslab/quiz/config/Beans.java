package org.nslab.quiz.config;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import java.util.Properties;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
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
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "quiz-outbox");
        return new OutboxRelay(dataSource, new KafkaProducer<>(p, new StringSerializer(), new StringSerializer()),
                Duration.ofMillis(200), 500, "quiz-outbox-relay").start();
    }

    void close(@Disposes OutboxRelay relay) {
        relay.close();
    }

    void onStop(@Observes ShutdownEvent event, OutboxRelay relay) {
        relay.nudge();
    }
}
