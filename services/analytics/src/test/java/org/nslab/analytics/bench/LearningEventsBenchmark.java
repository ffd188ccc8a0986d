package org.nslab.analytics.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.nslab.analytics.ServiceProcess;
import org.nslab.events.LearningEventRecorded;
import org.nslab.testing.TestServers;

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
            System.out.println("load average at the start: " + loadAverage());
            CpuMeter cpu = new CpuMeter();
            cpu.add("analytics", () -> Stream.of(analytics.handle()));
            cpu.add("progress", () -> Stream.of(progress.handle()));
            cpu.add("producer", () -> Stream.of(ProcessHandle.current()));
            // The checkout whose ./nslab started the test servers (another checkout's benchmark may measure them).
            String root = System.getProperty("nslab.test-infra.root", TestServers.repositoryRoot().toString());
            cpu.add("kafka", CpuMeter.matching(List.of("kafka.Kafka", root)));
            cpu.add("postgresql", () -> CpuMeter.matching(List.of("bin/postgres", root, "-p " + TestServers.pgPort())).get()
                    .flatMap(CpuMeter::withDescendants));
            // Warm-up: the services' (and the broker's) JIT compilers take more CPU than the events at first;
            // the goal is about what the services sustain, so the measured phases start with compiled code.
            try (EventLoad warm = new EventLoad("bench-warm-" + run)) {
                for (int round = 0; round < 3; round++) {
                    List<LearningEventRecorded> warmEvents = EventLoad.events(warm, 10_000, 1_000);
                    publishAll(warm, warmEvents);
                    awaitBoth(warm, warmEvents, Duration.ofSeconds(120));
                }
                Thread.sleep(3000);
            }

            try (EventLoad burst = new EventLoad("bench-burst-" + run)) {
                List<LearningEventRecorded> batch = EventLoad.events(burst, events, 1_000);
                Map<String, Duration> before = cpu.sample();
                long t0 = System.nanoTime();
                publishAll(burst, batch);
                double publishSeconds = (System.nanoTime() - t0) / 1e9;
                double[] done = awaitBoth(burst, batch, Duration.ofSeconds(600));
                System.out.printf(Locale.ROOT, "throughput: %d events (1,000 learners) published in %.1f s; analytics stored all after %.1f s "
                                + "= %.0f events/s; progress after %.1f s = %.0f events/s%n", events, publishSeconds,
                        (done[0] - t0) / 1e9, events / ((done[0] - t0) / 1e9), (done[1] - t0) / 1e9, events / ((done[1] - t0) / 1e9));
                System.out.println("  " + CpuMeter.perEvent(before, cpu.sample(), events));
            }

            try (EventLoad paced = new EventLoad("bench-paced-" + run)) {
                Instant since = Instant.now();
                Map<String, Duration> before = cpu.sample();
                int total = rate * seconds;
                List<LearningEventRecorded> sent = new ArrayList<>(total);
                long start = System.nanoTime();
                for (int i = 0; i < total; i++) {
                    long due = start + (long) (i * 1e9 / rate);
                    long early = due - System.nanoTime();
                    if (early > 0) {
                        LockSupport.parkNanos(early); // sleeps (a spin would take one of the two cores from the services)
                    }
                    LearningEventRecorded e = paced.event(i, 1_000);
                    sent.add(e);
                    paced.send(e);
                }
                paced.flush();
                awaitBoth(paced, sent, Duration.ofSeconds(300));
                Map<String, Duration> after = cpu.sample();
                double[] a = paced.latencyMillis("analytics", "learning_event", "recorded_at", since);
                double[] p = paced.latencyMillis("progress", "activity", "occurred_at", since);
                System.out.printf(Locale.ROOT, "latency at %d events/s for %d s (%d events): analytics p50 %.0f ms, p99 %.0f ms; "
                        + "progress p50 %.0f ms, p99 %.0f ms%n", rate, seconds, total, a[0], a[1], p[0], p[1]);
                System.out.println("  " + CpuMeter.perEvent(before, after, total));
                System.out.println("load average at the end: " + loadAverage());
            }
        }
    }

    /** The machine's load average (1, 5, 15 min), as uptime shows it: the runs share two cores with other work. */
    private static String loadAverage() {
        try {
            String[] f = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return f[0] + ", " + f[1] + ", " + f[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static void publishAll(EventLoad load, List<LearningEventRecorded> events) {
        events.forEach(load::send);
        load.flush();
    }

    /**
     * Waits until both services stored every event; returns the nanoTime at which each was seen complete.
     * Polls for each learner's last event by id (primary-key lookups): a learner's events share a partition and
     * each batch is one transaction, so when the last one is stored all earlier ones are; a full count of the
     * tenant's rows confirms it (a count per poll would be a table scan competing with the services for the CPU).
     */
    private static double[] awaitBoth(EventLoad load, List<LearningEventRecorded> events, Duration timeout) throws Exception {
        long n = events.size();
        Map<String, UUID> lastByLearner = new LinkedHashMap<>();
        events.forEach(e -> lastByLearner.put(e.key().toString(), e.id()));
        List<UUID> last = new ArrayList<>(lastByLearner.values());
        double[] done = {0, 0};
        long deadline = System.nanoTime() + timeout.toNanos();
        while ((done[0] == 0 || done[1] == 0) && System.nanoTime() < deadline) {
            if (done[0] == 0 && load.countIds("analytics", "learning_event", "id", last) == last.size()) {
                long seen = System.nanoTime();
                if (load.count("analytics", "learning_event") >= n) {
                    done[0] = seen;
                }
            }
            if (done[1] == 0 && load.countIds("progress", "activity", "event_id", last) == last.size()) {
                long seen = System.nanoTime();
                if (load.count("progress", "activity") >= n) {
                    done[1] = seen;
                }
            }
            Thread.sleep(20);
        }
        if (done[0] == 0 || done[1] == 0) {
            throw new IllegalStateException("not every event was stored within " + timeout + ": analytics "
                    + load.count("analytics", "learning_event") + ", progress " + load.count("progress", "activity") + " of " + n);
        }
        return done;
    }
}
