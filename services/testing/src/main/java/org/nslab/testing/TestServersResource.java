package org.nslab.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points a {@code @QuarkusTest} at the real test servers: {@code @WithTestResource(TestServersResource.class)}. */
public class TestServersResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return TestServers.quarkusConfig();
    }

    @Override
    public void stop() {
        // The servers outlive one application: they are shared by every test class and module of the run.
    }
}
