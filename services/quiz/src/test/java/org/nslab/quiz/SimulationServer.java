package org.nslab.quiz;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.List;
import java.util.Map;
import org.nslab.testing.PackagedSimulation;
import org.nslab.testing.TestServers;

/** The real simulation service beside the quiz service under test, for grading hands-on questions. */
public class SimulationServer implements QuarkusTestResourceLifecycleManager {

    private PackagedSimulation simulation;

    @Override
    public Map<String, String> start() {
        simulation = PackagedSimulation.start(TestServers.repositoryRoot().resolve("services/quiz/target/simulation-service"), List.of());
        return Map.of("nslab.simulation.url", simulation.url());
    }

    @Override
    public void stop() {
        if (simulation != null) {
            simulation.close();
        }
    }
}
