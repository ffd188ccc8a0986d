package org.nslab.gateway.upstream.renderer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nslab.testing.PackagedService;
import org.nslab.testing.TestServers;

/**
 * The real renderer beside the gateway under test: its packaged application (built by the reactor before the gateway,
 * see the gateway's pom) as a separate process on a free port, on the same test Kafka and Keycloak, drawing with Mesa
 * as in production. The gateway's renderer client and file proxy are pointed at it.
 */
public class RendererServiceResource implements QuarkusTestResourceLifecycleManager {

    /** The gateway's public URL in these tests: result links must start with it. */
    static final String PUBLIC_URL = "http://gateway.test.invalid";

    private PackagedService renderer;

    @Override
    public Map<String, String> start() {
        Path work = TestServers.repositoryRoot().resolve("gateway/target/renderer-service");
        renderer = PackagedService.start("services/renderer", work, List.of("-Xmx384m", "-XX:+UseSerialGC",
                "-Dorg.lwjgl.system.SharedLibraryExtractPath=" + work.resolve("lwjgl-natives"),
                "-Dnslab.renderer.output-dir=" + work.resolve("output")));
        Map<String, String> config = new LinkedHashMap<>(TestServers.quarkusConfig());
        config.put("nslab.upstream.renderer.url", renderer.url());
        config.put("nslab.upstream.renderer.public-url", PUBLIC_URL);
        return config;
    }

    @Override
    public void stop() {
        if (renderer != null) {
            renderer.close();
        }
    }
}
