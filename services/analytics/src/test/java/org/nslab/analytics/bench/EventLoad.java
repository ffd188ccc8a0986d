package org.nslab.analytics.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.nslab.events.EventCodec;
import org.nslab.events.LearningEventRecorded;
import org.nslab.events.LearningEventRecorded.ActivityObject;
import org.nslab.events.LearningEventRecorded.Actor;
import org.nslab.events.LearningEventRecorded.ActorKind;
import org.nslab.events.LearningEventRecorded.ObjectType;
import org.nslab.events.LearningEventRecorded.Result;
import org.nslab.events.LearningEventRecorded.Statement;
import org.nslab.events.LearningVerb;
import org.nslab.events.Topics;
import org.nslab.testing.TestServers;

/** Learning events of a tenant of their own, published to Kafka and counted in a service's database. */
public final class EventLoad implements AutoCloseable {

    private static final String[] OBJECTS = {"level:1", "station:training", "level:2/data", "level:2/training", "component:attention",
            "component:feed-forward", "chapter:from-text-to-tokens", "experiment:train-a-tiny-gpt"};
    private static final ObjectType[] TYPES = {ObjectType.LEVEL, ObjectType.VIEW, ObjectType.STAGE, ObjectType.STAGE, ObjectType.COMPONENT,
            ObjectType.COMPONENT, ObjectType.CHAPTER, ObjectType.EXPERIMENT};

    public final String tenant;
    private final KafkaProducer<String, String> producer;
    /** One open connection per database: the benchmark polls often, and a new connection costs a SCRAM handshake on both sides. */
    private final Map<String, Connection> connections = new HashMap<>();

    public EventLoad(String tenant) {
        this.tenant = tenant;
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafkaBootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    /** The i-th event of a run: learner i % learners, an object of the course, stamped now (the publication time). */
    public LearningEventRecorded event(int i, int learners) {
        Actor actor = new Actor("learner-" + (i % learners), ActorKind.LEARNER, tenant);
        int o = i % OBJECTS.length;
        Instant now = Instant.now();
        Statement s = new Statement(actor, LearningVerb.EXPERIENCED.toStatementVerb(), new ActivityObject(OBJECTS[o], TYPES[o], null),
                new Result(null, null, null, 1000L, null), null, now);
        return LearningEventRecorded.of(UUID.randomUUID(), now, s);
    }

    public Future<RecordMetadata> send(LearningEventRecorded event) {
        return producer.send(new ProducerRecord<>(Topics.LEARNING_EVENT_RECORDED, event.key().toString(), EventCodec.encode(event)));
    }

    public void flush() {
        producer.flush();
    }

    /** Rows of this tenant in a service's table (analytics: learning_event, progress: activity). */
    public long count(String database, String table) throws SQLException {
        try (PreparedStatement s = connection(database).prepareStatement("SELECT count(*) FROM " + table + " WHERE tenant = ?")) {
            s.setString(1, tenant);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** How many of the given event ids a service's table holds (primary-key lookups: cheap enough to poll). */
    public long countIds(String database, String table, String idColumn, Collection<UUID> ids) throws SQLException {
        Connection c = connection(database);
        try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM " + table + " WHERE " + idColumn + " = ANY (?)")) {
            s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private Connection connection(String database) throws SQLException {
        Connection c = connections.get(database);
        if (c == null || c.isClosed()) {
            c = connect(database);
            connections.put(database, c);
        }
        return c;
    }

    /** p50 and p99 of (stored − published) in milliseconds, over this tenant's rows published after {@code since}. */
    public double[] latencyMillis(String database, String table, String publishedColumn, Instant since) throws SQLException {
        try (PreparedStatement s = connection(database).prepareStatement(
                "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms), percentile_cont(0.99) WITHIN GROUP (ORDER BY ms), count(*) FROM ("
                        + " SELECT extract(epoch FROM received_at - " + publishedColumn + ") * 1000 AS ms FROM " + table
                        + " WHERE tenant = ? AND " + publishedColumn + " >= ?) t")) {
            s.setString(1, tenant);
            s.setTimestamp(2, java.sql.Timestamp.from(since));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new double[] {rs.getDouble(1), rs.getDouble(2), rs.getLong(3)};
            }
        }
    }

    public static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + TestServers.pgHost() + ":" + TestServers.pgPort() + "/" + database,
                database, database + "-local-dev");
    }

    public static List<LearningEventRecorded> events(EventLoad load, int n, int learners) {
        List<LearningEventRecorded> events = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            events.add(load.event(i, learners));
        }
        return events;
    }

    @Override
    public void close() {
        producer.close();
        for (Connection c : connections.values()) {
            try {
                c.close();
            } catch (SQLException e) {
                // closing anyway
            }
        }
    }
}
