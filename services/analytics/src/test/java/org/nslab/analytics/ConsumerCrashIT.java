package org.nslab.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.nslab.analytics.bench.EventLoad;
import org.nslab.events.LearningEventRecorded;

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
        Map<String, String> config = Map.of("mp.messaging.incoming.learning-events.group.id", "analytics-crash-" + tenant,
                "mp.messaging.incoming.learning-events.auto.offset.reset", "latest",
                "mp.messaging.incoming.learning-events.max.poll.records", "200");
        try (EventLoad load = new EventLoad(tenant); ServiceProcess analytics = new ServiceProcess("analytics", config).start()) {
            ServiceProcess.sleep(3000); // the consumer joins its group and takes the partitions' latest offsets
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

    private static long awaitAtLeast(EventLoad load, long n) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        long count;
        while ((count = load.count("analytics", "learning_event")) < n && System.nanoTime() < deadline) {
            ServiceProcess.sleep(20);
        }
        return count;
    }
}
