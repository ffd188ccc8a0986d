package org.nslab.content.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.nslab.outbox.OutboxRelay;

public class Beans {

    /** Publishes the outbox (content.release-published.v1) to Kafka; a release activated while Kafka is down goes out later. */
    @Produces
    @ApplicationScoped
    OutboxRelay outboxRelay(DataSource dataSource, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
        return OutboxRelay.forKafka(dataSource, bootstrap, "content-outbox").start();
    }

    void close(@Disposes OutboxRelay relay) {
        relay.close();
    }
}
