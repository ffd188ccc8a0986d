package org.nslab.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.nslab.analytics.bench.EventLoad;
import org.nslab.events.LearningEventRecorded;
import org.nslab.events.Topics;
import org.nslab.testing.TestServers;

/**
 * The packaged analytics service is killed with SIGKILL while it consumes a stream of events and then
 * started again: every event is stored, none twice, including events that were delivered twice.
 */
class ConsumerCrashIT {

    private static final int EVENTS = 20_000;
    private static final int DUPLICATES = 1_000;

    @Test
    void killedMidStreamAndRestartedItLosesNothingAndCountsNothingTwice() throws Exception {
        String tenant = "crash-" + UUID.randomUUID().toString().substring(0, 8);
        String group = "analytics-crash-" + tenant;
        // The group starts where the topics end now, committed, and resets to the earliest offset as in production:
        // a kill before the service's first commit then replays from there instead of skipping to the end.
        commitEndOffsets(group);
        Map<String, String> config = Map.of("mp.messaging.incoming.learning-events.group.id", group,
                "mp.messaging.incoming.learning-events.auto.offset.reset", "earliest",
                "mp.messaging.incoming.learning-events.max.poll.records", "200");
        try (EventLoad load = new EventLoad(tenant); ServiceProcess analytics = new ServiceProcess("analytics", config).start()) {
            ServiceProcess.sleep(3000); // the consumer joins its group
            List<LearningEventRecorded> events = EventLoad.events(load, EVENTS, 100);
            for (LearningEventRecorded e : events) {
                load.send(e);
            }
            for (LearningEventRecorded e : events.subList(0, DUPLICATES)) {
                load.send(e); // delivered twice
            }
            load.flush();

            long before = awaitAtLeast(load, 1);
            analytics.kill();
            long atKill = load.count("analytics", "learning_event");
            assertTrue(atKill > 0 && atKill < EVENTS, "killed mid-stream: " + atKill + " of " + EVENTS + " stored (at first sight " + before + ")");

            analytics.start();
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (load.count("analytics", "learning_event") < EVENTS && System.nanoTime() < deadline) {
                ServiceProcess.sleep(250);
            }
            ServiceProcess.sleep(3000); // anything redelivered after the restart has arrived by now
            assertEquals(EVENTS, load.count("analytics", "learning_event"), "every event once, none lost, none twice");
        }
    }

    private static void commitEndOffsets(String group) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafkaBootstrapServers()))) {
            Set<String> existing = admin.listTopics().names().get();
            List<String> topics = Stream.of(Topics.LEARNING_EVENT_RECORDED, Topics.QUIZ_ATTEMPT_GRADED, Topics.MILESTONE_REACHED,
                    Topics.GUEST_PROGRESS_MERGED).filter(existing::contains).toList();
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            for (TopicDescription topic : admin.describeTopics(topics).allTopicNames().get().values()) {
                topic.partitions().forEach(p -> ends.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest()));
            }
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            admin.listOffsets(ends).all().get().forEach((tp, end) -> offsets.put(tp, new OffsetAndMetadata(end.offset())));
            admin.alterConsumerGroupOffsets(group, offsets).all().get();
        }
    }

    private static long awaitAtLeast(EventLoad load, long n) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        long count;
        while ((count = load.count("analytics", "learning_event")) < n && System.nanoTime() < deadline) {
            ServiceProcess.sleep(20);
        }
        return count;
    }
}
