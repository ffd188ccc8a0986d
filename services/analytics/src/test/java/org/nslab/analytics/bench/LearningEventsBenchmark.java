package org.nslab.analytics.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.nslab.analytics.ServiceProcess;
import org.nslab.events.LearningEventRecorded;

/**
 * How many learning events per second the analytics and progress services sustain together, and the
 * time from an event's publication to its row being stored (p50, p99), with both packaged services
 * running as processes against the test servers. Not a test: run it by hand (see docs/benchmarks.md).
 *
 * <p>Args: events for the throughput run (default 60,000), rate for the latency run (default 5,000/s),
 * seconds of the latency run (default 10).
 */
public final class LearningEventsBenchmark {

    private LearningEventsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 60_000;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> analyticsConfig = Map.of("mp.messaging.incoming.learning-events.group.id", "analytics-bench-" + run,
                "mp.messaging.incoming.learning-events.auto.offset.reset", "latest", "quarkus.log.level", "WARN");
        Map<String, String> progressConfig = Map.of("mp.messaging.incoming.learning-activity.group.id", "progress-bench-" + run,
                "mp.messaging.incoming.learning-activity.auto.offset.reset", "latest", "quarkus.log.level", "WARN");
        try (ServiceProcess analytics = new ServiceProcess("analytics", analyticsConfig).start();
             ServiceProcess progress = new ServiceProcess("progress", progressConfig).start()) {
            Thread.sleep(4000);
            try (EventLoad warm = new EventLoad("bench-warm-" + run)) {
                publishAll(warm, EventLoad.events(warm, 5_000, 100));
                awaitBoth(warm, 5_000, Duration.ofSeconds(120));
            }

            try (EventLoad burst = new EventLoad("bench-burst-" + run)) {
                List<LearningEventRecorded> batch = EventLoad.events(burst, events, 1_000);
                long t0 = System.nanoTime();
                publishAll(burst, batch);
                double publishSeconds = (System.nanoTime() - t0) / 1e9;
                double[] done = awaitBoth(burst, events, Duration.ofSeconds(600));
                System.out.printf(Locale.ROOT, "throughput: %d events (1,000 learners) published in %.1f s; analytics stored all after %.1f s "
                                + "= %.0f events/s; progress after %.1f s = %.0f events/s%n", events, publishSeconds,
                        (done[0] - t0) / 1e9, events / ((done[0] - t0) / 1e9), (done[1] - t0) / 1e9, events / ((done[1] - t0) / 1e9));
            }

            try (EventLoad paced = new EventLoad("bench-paced-" + run)) {
                Instant since = Instant.now();
                int total = rate * seconds;
                long start = System.nanoTime();
                for (int i = 0; i < total; i++) {
                    long due = start + (long) (i * 1e9 / rate);
                    while (System.nanoTime() < due) {
                        Thread.onSpinWait();
                    }
                    paced.send(paced.event(i, 1_000));
                }
                paced.flush();
                awaitBoth(paced, total, Duration.ofSeconds(300));
                double[] a = paced.latencyMillis("analytics", "learning_event", "recorded_at", since);
                double[] p = paced.latencyMillis("progress", "activity", "occurred_at", since);
                System.out.printf(Locale.ROOT, "latency at %d events/s for %d s (%d events): analytics p50 %.0f ms, p99 %.0f ms; "
                        + "progress p50 %.0f ms, p99 %.0f ms%n", rate, seconds, total, a[0], a[1], p[0], p[1]);
            }
        }
    }

    private static void publishAll(EventLoad load, List<LearningEventRecorded> events) {
        events.forEach(load::send);
        load.flush();
    }

    /** Waits until both services stored every event; returns the nanoTime at which each was seen complete. */
    private static double[] awaitBoth(EventLoad load, long n, Duration timeout) throws Exception {
        double[] done = {0, 0};
        long deadline = System.nanoTime() + timeout.toNanos();
        while ((done[0] == 0 || done[1] == 0) && System.nanoTime() < deadline) {
            if (done[0] == 0 && load.count("analytics", "learning_event") >= n) {
                done[0] = System.nanoTime();
            }
            if (done[1] == 0 && load.count("progress", "activity") >= n) {
                done[1] = System.nanoTime();
            }
            Thread.sleep(50);
        }
        if (done[0] == 0 || done[1] == 0) {
            throw new IllegalStateException("not every event was stored within " + timeout + ": analytics "
                    + load.count("analytics", "learning_event") + ", progress " + load.count("progress", "activity") + " of " + n);
        }
        return done;
    }
}
