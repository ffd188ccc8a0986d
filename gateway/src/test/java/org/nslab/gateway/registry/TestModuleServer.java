package org.nslab.gateway.registry;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.nslab.sdk.manifest.Integrity;

/**
 * A module's web server for tests: serves an entry ES module at {@code /<id>/index.js} for any id and answers
 * {@code /health} with 200 while healthy and 503 otherwise.
 */
public final class TestModuleServer implements AutoCloseable {

    public static final String ENTRY = """
            export async function mount(element, host) { element.textContent = 'hello from ' + host.module.id; }
            export async function unmount() {}
            """;

    private final HttpServer server;
    private final AtomicBoolean healthy = new AtomicBoolean(true);
    private final java.util.Map<String, byte[]> files = new java.util.concurrent.ConcurrentHashMap<>();

    private TestModuleServer(HttpServer server) {
        this.server = server;
    }

    public static TestModuleServer start() throws IOException {
        return start(0);
    }

    public static TestModuleServer start(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        TestModuleServer module = new TestModuleServer(server);
        server.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            byte[] body;
            int status;
            if (module.files.containsKey(path)) {
                status = 200;
                body = module.files.get(path);
                ex.getResponseHeaders().add("Content-Type", "text/javascript");
            } else if (path.equals("/health")) {
                status = module.healthy.get() ? 200 : 503;
                body = (status == 200 ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}").getBytes(StandardCharsets.UTF_8);
            } else if (path.endsWith("/index.js")) {
                status = 200;
                body = ENTRY.getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("Content-Type", "text/javascript");
            } else {
                status = 404;
                body = new byte[0];
            }
            ex.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
            ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        return module;
    }

    /** Serves this JavaScript at the path; returns its SRI integrity. */
    public String put(String path, String javascript) {
        byte[] bytes = javascript.getBytes(StandardCharsets.UTF_8);
        files.put(path, bytes);
        return Integrity.sha384(bytes);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String entryIntegrity() {
        return Integrity.sha384(ENTRY.getBytes(StandardCharsets.UTF_8));
    }

    public void healthy(boolean value) {
        healthy.set(value);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
