package org.nslab.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Publishes what the outbox holds, oldest first, and deletes a row only after Kafka acknowledged it
 * (acks=all, idempotent producer). Rows are locked with {@code FOR UPDATE SKIP LOCKED}, so several
 * replicas can relay at once. A crash between the acknowledgement and the delete publishes the event
 * again: consumers deduplicate by event id (at-least-once).
 */
public final class OutboxRelay implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final DataSource dataSource;
    private final Producer<String, String> producer;
    private final Duration idlePoll;
    private final int batchSize;
    private final Thread thread;
    private volatile boolean running = true;

    public OutboxRelay(DataSource dataSource, Producer<String, String> producer, Duration idlePoll, int batchSize, String name) {
        this.dataSource = dataSource;
        this.producer = producer;
        this.idlePoll = idlePoll;
        this.batchSize = batchSize;
        this.thread = new Thread(this::loop, name);
        this.thread.setDaemon(true);
    }

    /** A relay with an idempotent {@code acks=all} producer, polling every 200 ms when idle, 500 events a batch. */
    public static OutboxRelay forKafka(DataSource dataSource, String bootstrapServers, String clientId) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        return new OutboxRelay(dataSource, new KafkaProducer<>(p, new StringSerializer(), new StringSerializer()),
                Duration.ofMillis(200), 500, clientId + "-relay");
    }

    public OutboxRelay start() {
        thread.start();
        return this;
    }

    /** Wakes the relay now (after a commit that appended events) instead of at the next poll. */
    public void nudge() {
        LockSupport.unpark(thread);
    }

    private void loop() {
        while (running) {
            int published;
            try {
                published = publishPending();
            } catch (Exception e) {
                LOG.warnf("outbox relay: %s; retrying", e.getMessage());
                published = 0;
                LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
            }
            if (published < batchSize && running) {
                LockSupport.parkNanos(idlePoll.toNanos());
            }
        }
    }

    /** Publishes up to one batch; returns how many events went out. */
    public int publishPending() throws SQLException, InterruptedException, ExecutionException, TimeoutException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<Long> sent = new ArrayList<>();
                List<Future<RecordMetadata>> acks = new ArrayList<>();
                try (PreparedStatement s = c.prepareStatement(
                        "SELECT seq, topic, record_key, payload FROM outbox ORDER BY seq LIMIT ? FOR UPDATE SKIP LOCKED")) {
                    s.setInt(1, batchSize);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            sent.add(rs.getLong(1));
                            acks.add(producer.send(new ProducerRecord<>(rs.getString(2), rs.getString(3), rs.getString(4))));
                        }
                    }
                }
                if (sent.isEmpty()) {
                    c.rollback();
                    return 0;
                }
                producer.flush();
                for (Future<RecordMetadata> ack : acks) {
                    ack.get(30, TimeUnit.SECONDS);
                }
                try (PreparedStatement d = c.prepareStatement("DELETE FROM outbox WHERE seq = ANY (?)")) {
                    d.setArray(1, c.createArrayOf("bigint", sent.toArray()));
                    d.executeUpdate();
                }
                c.commit();
                return sent.size();
            } catch (SQLException | RuntimeException | InterruptedException | ExecutionException | TimeoutException e) {
                c.rollback();
                throw e;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        nudge();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
    }
}
