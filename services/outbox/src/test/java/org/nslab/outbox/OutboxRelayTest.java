package org.nslab.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nslab.testing.TestServers;

/** Against the real test PostgreSQL (a schema of its own in the quiz database) and Kafka. */
class OutboxRelayTest {

    private static final String SCHEMA = "outbox_test_" + Long.toHexString(System.nanoTime());
    private static DataSource dataSource;

    @BeforeAll
    static void schema() throws SQLException {
        dataSource = new SchemaDataSource();
        try (Connection c = DriverManager.getConnection(url(), "quiz", "quiz-local-dev"); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + SCHEMA);
            s.execute("CREATE TABLE " + SCHEMA + ".outbox (seq bigserial PRIMARY KEY, event_id uuid NOT NULL UNIQUE, topic varchar(200) NOT NULL,"
                    + " record_key varchar(300) NOT NULL, payload text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())");
            s.execute("CREATE TABLE " + SCHEMA + ".processed_event (event_id uuid PRIMARY KEY, processed_at timestamptz NOT NULL DEFAULT now())");
        }
    }

    @AfterAll
    static void drop() throws SQLException {
        try (Connection c = DriverManager.getConnection(url(), "quiz", "quiz-local-dev"); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + SCHEMA + " CASCADE");
        }
    }

    @Test
    void anEventWhoseTransactionRolledBackIsNeverPublishedAndCommittedOnesArePublishedInKeyOrderOnce() throws Exception {
        String topic = "test.outbox-" + UUID.randomUUID() + ".v1";
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            Outbox.append(c, topic, "k", UUID.randomUUID(), "rolled-back");
            c.rollback();
            for (int i = 0; i < 3; i++) {
                Outbox.append(c, topic, "learner-1", UUID.randomUUID(), "event-" + i); // one key: one partition, in order
            }
            c.commit();
        }
        try (OutboxRelay relay = new OutboxRelay(dataSource, producer(), Duration.ofMillis(50), 100, "test-relay")) {
            assertEquals(3, relay.publishPending());
            assertEquals(0, relay.publishPending());
        }
        List<ConsumerRecord<String, String>> records = consume(topic, 3);
        assertEquals(List.of("event-0", "event-1", "event-2"), records.stream().map(ConsumerRecord::value).toList());
        assertEquals("learner-1", records.get(1).key());
    }

    @Test
    void eventsAppendedTogetherArePublishedInTheirOrderAndAnIdAlreadyWaitingIsSkipped() throws Exception {
        String topic = "test.outbox-" + UUID.randomUUID() + ".v1";
        UUID waiting = UUID.randomUUID();
        List<Outbox.Entry> entries = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            entries.add(new Outbox.Entry(topic, "learner-2", i == 3 ? waiting : UUID.randomUUID(), "event-" + i));
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            assertEquals(1, Outbox.appendAll(c, List.of(new Outbox.Entry(topic, "learner-2", waiting, "first"))));
            assertEquals(4, Outbox.appendAll(c, entries));
            assertEquals(0, Outbox.appendAll(c, List.of()));
            c.commit();
        }
        try (OutboxRelay relay = new OutboxRelay(dataSource, producer(), Duration.ofMillis(50), 100, "test-relay")) {
            assertEquals(5, relay.publishPending());
        }
        assertEquals(List.of("first", "event-0", "event-1", "event-2", "event-4"), consume(topic, 5).stream().map(ConsumerRecord::value).toList());
    }

    @Test
    void theRelayThreadPublishesWhatIsAppendedLater() throws Exception {
        String topic = "test.outbox-" + UUID.randomUUID() + ".v1";
        try (OutboxRelay relay = new OutboxRelay(dataSource, producer(), Duration.ofMillis(50), 100, "test-relay").start()) {
            try (Connection c = dataSource.getConnection()) {
                Outbox.append(c, topic, "k", UUID.randomUUID(), "later");
            }
            relay.nudge();
            assertEquals("later", consume(topic, 1).get(0).value());
        }
    }

    @Test
    void anEventIdIsClaimedOnlyOnce() throws SQLException {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        try (Connection c = dataSource.getConnection()) {
            assertEquals(Set.of(a), ProcessedEvents.claim(c, List.of(a, a)));
            assertEquals(Set.of(b), ProcessedEvents.claim(c, List.of(a, b)));
            assertEquals(Set.of(), ProcessedEvents.claim(c, List.of(b)));
        }
    }

    private static KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafkaBootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    private static List<ConsumerRecord<String, String>> consume(String topic, int expected) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafkaBootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            consumer.poll(Duration.ofMillis(300)).forEach(records::add);
        }
        return records;
    }

    private static String url() {
        return "jdbc:postgresql://" + TestServers.pgHost() + ":" + TestServers.pgPort() + "/quiz";
    }

    /** Connections to the quiz database with this test's schema first on the search path. */
    private static final class SchemaDataSource implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            Connection c = DriverManager.getConnection(url() + "?currentSchema=" + SCHEMA, "quiz", "quiz-local-dev");
            return c;
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
