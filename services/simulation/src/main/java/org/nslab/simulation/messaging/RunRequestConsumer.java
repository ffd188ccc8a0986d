package org.nslab.simulation.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;
import org.nslab.events.EventCodec;
import org.nslab.events.InvalidEventException;
import org.nslab.events.Topics;
import org.nslab.events.TrainingRunRequested;

/**
 * One replica's member of the consumer group on simulation.training-run-requested.v1: each request goes
 * to the one replica that holds its partition, which claims the run in the database and queues it.
 * A plain Kafka consumer on its own thread rather than a reactive-messaging channel, because a replica
 * must be able to leave the group and a second replica must be able to run in the same process (tests).
 * Offsets are committed automatically: the run table, not the offset, says which runs still need a worker.
 */
public final class RunRequestConsumer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RunRequestConsumer.class);

    private final KafkaConsumer<String, String> consumer;
    private final Consumer<TrainingRunRequested> handler;
    private final Thread thread;
    private final Set<Integer> partitions = ConcurrentHashMap.newKeySet();
    private volatile boolean running = true;

    public RunRequestConsumer(String bootstrapServers, String group, String clientId, Duration sessionTimeout,
                              Consumer<TrainingRunRequested> handler) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) sessionTimeout.toMillis());
        props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) Math.max(500, sessionTimeout.toMillis() / 4));
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 50);
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        this.handler = handler;
        this.thread = new Thread(this::loop, "run-requests-" + clientId);
        this.thread.setDaemon(true);
    }

    public RunRequestConsumer start() {
        thread.start();
        return this;
    }

    /** The partitions of the request topic this replica holds now. */
    public Set<Integer> partitions() {
        return Set.copyOf(partitions);
    }

    private void loop() {
        try {
            consumer.subscribe(List.of(Topics.TRAINING_RUN_REQUESTED), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(java.util.Collection<TopicPartition> revoked) {
                    revoked.forEach(p -> partitions.remove(p.partition()));
                }

                @Override
                public void onPartitionsAssigned(java.util.Collection<TopicPartition> assigned) {
                    assigned.forEach(p -> partitions.add(p.partition()));
                }
            });
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    handle(record.value());
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("the run-request consumer stopped", e);
        } finally {
            partitions.clear();
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void handle(String payload) {
        TrainingRunRequested request;
        try {
            request = EventCodec.decodeTrainingRunRequested(payload);
        } catch (InvalidEventException e) {
            LOG.warnf("ignored a run request that breaks its contract: %s", e.getMessage());
            return;
        }
        try {
            handler.accept(request);
        } catch (RuntimeException e) {
            // the run keeps its lease-less QUEUED state and is handed over again when the lease runs out
            LOG.errorf(e, "run request %s not taken", request.runId());
        }
    }

    /** Leaves the group: the partitions go to the other replicas. */
    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
