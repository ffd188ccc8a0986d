package org.nslab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ./nslab up refuses clearly and leaves nothing running when it cannot start the stack. */
class StackFailuresIT {

    private static final int OFFSET = 40_000;

    @Test
    void aPortInUseStopsUpBeforeAnythingStartsAndNamesTheComponentAndThePort() throws IOException {
        LocalStack stack = new LocalStack("e2e-failures", OFFSET, Map.of());
        try (ServerSocket taken = new ServerSocket(8083 + OFFSET, 1, InetAddress.getLoopbackAddress())) {
            LocalStack.Result result = stack.run("up");

            assertNotEquals(0, result.exitCode());
            assertTrue(result.output().contains("quiz failed: port " + (8083 + OFFSET) + " is already in use by another program"
                    + " (set NSLAB_QUIZ_PORT or NSLAB_PORT_OFFSET)"), result.output());
            assertTrue(!result.output().contains("postgres    ready"), "nothing may start: " + result.output());
        }
    }

    @Test
    void aComponentThatDiesIsNamedWithItsLogTailAndWhatWasStartedIsStopped() {
        // Services that cannot even start their JVM: the infrastructure comes up, then everything is stopped again.
        LocalStack stack = new LocalStack("e2e-failures", OFFSET, Map.of("NSLAB_SERVICE_JAVA_OPTS", "-Xmx2m"));
        LocalStack.Result result = stack.run("up");

        assertNotEquals(0, result.exitCode());
        assertTrue(result.output().matches("(?s).*\\S+ failed: the process exited.*"), result.output());
        assertTrue(result.output().contains("Error occurred during initialization of VM"), "log tail shown: " + result.output());
        assertTrue(result.output().contains("stopping what this run started: postgres kafka keycloak"), result.output());
        String status = stack.nslab("status");
        assertEquals(0, status.lines().filter(line -> line.contains("ready") || line.contains("running")).count(), status);
    }
}
