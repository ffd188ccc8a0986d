package org.nslab.progress.config;

import jakarta.enterprise.context.ApplicationScoped;
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
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "progress-outbox");
        return new OutboxRelay(dataSource, new KafkaProducer<>(p, new StringSerializer(), new StringSerializer()),
                Duration.ofMillis(200), 500, "progress-outbox-relay").start();
    }

    void close(@Disposes OutboxRelay relay) {
        relay.close();
    }
}
