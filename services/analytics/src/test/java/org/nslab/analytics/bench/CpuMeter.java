package org.nslab.analytics.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * CPU time (user + system) of the processes that take part in a benchmark run, read from the operating system
 * at the start and the end of a phase: the services, the benchmark's producer, the Kafka broker and PostgreSQL
 * (the postmaster and its backends). CPU per event does not depend on what else the machine runs, so it gives
 * the rate the pipeline would sustain on two cores of its own (2 CPU-seconds per second / CPU-seconds per event).
 */
final class CpuMeter {

    private final Map<String, Supplier<Stream<ProcessHandle>>> parts = new LinkedHashMap<>();

    void add(String part, Supplier<Stream<ProcessHandle>> processes) {
        parts.put(part, processes);
    }

    /** A process and everything it started (PostgreSQL's backends are children of the postmaster). */
    static Stream<ProcessHandle> withDescendants(ProcessHandle p) {
        return Stream.concat(Stream.of(p), p.descendants());
    }

    /** The processes whose command line contains every fragment. */
    static Supplier<Stream<ProcessHandle>> matching(List<String> fragments) {
        return () -> ProcessHandle.allProcesses().filter(p -> p.info().commandLine()
                .map(cmd -> fragments.stream().allMatch(cmd::contains)).orElse(false));
    }

    Map<String, Duration> sample() {
        Map<String, Duration> cpu = new LinkedHashMap<>();
        parts.forEach((part, processes) -> cpu.put(part, processes.get().map(p -> p.info().totalCpuDuration())
                .flatMap(Optional::stream).reduce(Duration.ZERO, Duration::plus)));
        return cpu;
    }

    /** CPU per event of each part between two samples, and the two-core rate that their sum allows. */
    static String perEvent(Map<String, Duration> before, Map<String, Duration> after, long events) {
        StringBuilder s = new StringBuilder("CPU per event:");
        double total = 0;
        for (var e : after.entrySet()) {
            double micros = (e.getValue().toNanos() - before.getOrDefault(e.getKey(), Duration.ZERO).toNanos()) / 1e3 / events;
            total += micros;
            s.append(String.format(Locale.ROOT, " %s %.0f µs;", e.getKey(), micros));
        }
        return s.append(String.format(Locale.ROOT, " total %.0f µs = %.0f events/s on two cores of its own", total, 2e6 / total)).toString();
    }
}
