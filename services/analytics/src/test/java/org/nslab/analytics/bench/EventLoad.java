package org.nslab.analytics.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
        return producer.send(new ProducerRecord<>(Topics.LEARNING_EVENT_RECORDED, event.key(), EventCodec.encode(event)));
    }

    public void flush() {
        producer.flush();
    }

    /** Rows of this tenant in a service's table (analytics: learning_event, progress: activity). */
    public long count(String database, String table) throws SQLException {
        try (Connection c = connect(database); PreparedStatement s = c.prepareStatement("SELECT count(*) FROM " + table + " WHERE tenant = ?")) {
            s.setString(1, tenant);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** p50 and p99 of (stored − published) in milliseconds, over this tenant's rows published after {@code since}. */
    public double[] latencyMillis(String database, String table, String publishedColumn, Instant since) throws SQLException {
        try (Connection c = connect(database); PreparedStatement s = c.prepareStatement(
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
    }
}
