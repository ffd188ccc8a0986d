package org.nslab.testing.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.nslab.testing.Tokens;

/**
 * A GraphQL load generator: N clients (platform threads, Java 17), for a warm-up and then a measured
 * period; prints requests, errors, throughput and latency percentiles per query. By default the loop is
 * closed: each client sends its next request as soon as its previous answer arrived, so the service runs
 * saturated and the latency is mostly queueing. With {@code --rate R} each client sends R requests per
 * second on a fixed schedule (clients spread over the first interval), like learners who act, read and act
 * again; a request's latency counts from its scheduled time, so a slow answer also delays the next one's
 * (no coordinated omission). A response counts as an error unless
 * it is HTTP 200, has no top-level {@code errors} and contains the expected text.
 *
 * <pre>
 * java -cp services/testing/target/classes:$(cat cp.txt) org.nslab.testing.load.GraphQlLoad \
 *   --url http://127.0.0.1:8084/graphql --client nslab-gateway:dev-only-gateway-secret \
 *   --clients 50 --warmup 5 --seconds 20 \
 *   --query scaling=services/simulation/src/test/resources/bench/scaling.graphql:"userErrors\":[]" ...
 * </pre>
 *
 * Options: {@code --url}, {@code --token T} or {@code --client id:secret} (a Keycloak client-credentials
 * token, Keycloak from {@code --keycloak} or the test servers' variables), {@code --clients},
 * {@code --warmup} and {@code --seconds}, {@code --rate} (per client; 0, the default: closed loop), and one or more {@code --query name=file[:expected text]}.
 */
public final class GraphQlLoad {

    /** What one query did under load; latencies in milliseconds. */
    public record Result(String name, int clients, double rate, long requests, long errors, double seconds, double p50, double p90,
                         double p99, double max) {

        public double throughput() {
            return requests / seconds;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-12s clients %3d %s  requests %7d  errors %5d  %8.1f req/s  p50 %7.2f ms  p90 %7.2f ms"
                    + "  p99 %7.2f ms  max %7.2f ms", name, clients, rate > 0 ? String.format(Locale.ROOT, "x %5.1f/s", rate) : "(closed)",
                    requests, errors, throughput(), p50, p90, p99, max);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private GraphQlLoad() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> queries = new ArrayList<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (args[i].equals("--query")) {
                queries.add(args[i + 1]);
            } else {
                options.put(args[i].substring(2), args[i + 1]);
            }
        }
        String token = options.get("token");
        if (token == null && options.containsKey("client")) {
            String[] client = options.get("client").split(":", 2);
            token = options.containsKey("keycloak") ? Tokens.forClient(options.get("keycloak"), client[0], client[1])
                    : Tokens.forClient(client[0], client[1]);
        }
        URI url = URI.create(options.getOrDefault("url", "http://127.0.0.1:8084/graphql"));
        int clients = Integer.parseInt(options.getOrDefault("clients", "50"));
        double warmup = Double.parseDouble(options.getOrDefault("warmup", "5"));
        double seconds = Double.parseDouble(options.getOrDefault("seconds", "20"));
        double rate = Double.parseDouble(options.getOrDefault("rate", "0"));
        for (String spec : queries) {
            int eq = spec.indexOf('=');
            String name = spec.substring(0, eq);
            String rest = spec.substring(eq + 1);
            int colon = rest.indexOf(':');
            Path file = Path.of(colon < 0 ? rest : rest.substring(0, colon));
            String expected = colon < 0 ? "" : rest.substring(colon + 1);
            System.out.println(run(name, url, token, Files.readString(file), expected, clients, rate, warmup, seconds));
        }
    }

    /**
     * Runs one query with {@code clients} concurrent clients, each sending {@code rate} requests per second
     * (0: closed loop): a warm-up, then the measured period.
     */
    public static Result run(String name, URI url, String token, String query, String expected, int clients,
                             double rate, double warmupSeconds, double seconds) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        String body = JSON.writeValueAsString(Map.of("query", query));
        HttpRequest.Builder builder = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        HttpRequest request = builder.build();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            phase(pool, http, request, expected, clients, rate, warmupSeconds);
            long start = System.nanoTime();
            Phase measured = phase(pool, http, request, expected, clients, rate, seconds);
            double elapsed = (System.nanoTime() - start) / 1e9;
            double[] ms = measured.latencies();
            Arrays.sort(ms);
            return new Result(name, clients, rate, ms.length, measured.errors(), elapsed, percentile(ms, 0.50),
                    percentile(ms, 0.90), percentile(ms, 0.99), ms.length == 0 ? Double.NaN : ms[ms.length - 1]);
        } finally {
            pool.shutdownNow();
        }
    }

    private record Phase(double[] latencies, long errors) {
    }

    private static Phase phase(ExecutorService pool, HttpClient http, HttpRequest request, String expected, int clients,
                               double rate, double seconds) throws Exception {
        long begin = System.nanoTime();
        long deadline = begin + (long) (seconds * 1e9);
        long interval = rate > 0 ? (long) (1e9 / rate) : 0;
        AtomicInteger errors = new AtomicInteger();
        List<Future<double[]>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            long first = begin + interval * c / clients;
            futures.add(pool.submit(() -> {
                double[] latencies = new double[1024];
                int n = 0;
                long scheduled = first;
                while (true) {
                    long t0;
                    if (interval > 0) {
                        long wait = scheduled - System.nanoTime();
                        if (wait > 0) {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        }
                        t0 = scheduled;
                        scheduled += interval;
                    } else {
                        t0 = System.nanoTime();
                    }
                    if (t0 >= deadline) {
                        break;
                    }
                    boolean ok;
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        ok = response.statusCode() == 200 && !response.body().contains("\"errors\":")
                                && response.body().contains(expected);
                    } catch (IOException e) {
                        ok = false;
                    }
                    double ms = (System.nanoTime() - t0) / 1e6;
                    if (!ok) {
                        errors.incrementAndGet();
                    }
                    if (n == latencies.length) {
                        latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = ms;
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        List<double[]> all = new ArrayList<>();
        for (Future<double[]> f : futures) {
            all.add(f.get());
        }
        return new Phase(all.stream().flatMapToDouble(Arrays::stream).toArray(), errors.get());
    }

    /** The nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
