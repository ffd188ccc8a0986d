package org.nslab.quiz.client;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import org.nslab.quiz.grading.SimulationFacts;

/** Hands-on answers checked against the simulation service. */
@ApplicationScoped
public class RemoteSimulationFacts implements SimulationFacts {

    private final SimulationClient simulation;

    public RemoteSimulationFacts(SimulationClient simulation) {
        this.simulation = simulation;
    }

    @Override
    public double computeOptimalParameters(double computeFlops, String method) {
        SimulationClient.ComputeOptimalPayload payload = call(() -> simulation.computeOptimal(computeFlops));
        String wanted = switch (method) {
            case "Chinchilla" -> "chinchilla";
            case "Kaplan" -> "kaplan";
            default -> "tokens per parameter";
        };
        return payload.allocations().stream()
                .filter(a -> a.method().toLowerCase(Locale.ROOT).contains(wanted))
                .findFirst()
                .orElseThrow(() -> new Unavailable("the simulation service has no '" + method + "' allocation", null))
                .parameters();
    }

    @Override
    public boolean minWordsKeepsCategory(int minWords, String category) {
        SimulationClient.DataPipelinePayload payload = call(() -> simulation.dataPipeline(true, minWords, false, false));
        return payload.documents().stream()
                .filter(d -> d.category().equals(category))
                .noneMatch(d -> d.reasons() != null && d.reasons().contains("too-short"));
    }

    private static <T> T call(java.util.function.Supplier<T> request) {
        try {
            T result = request.get();
            if (result == null) {
                throw new Unavailable("the simulation service gave no answer", null);
            }
            return result;
        } catch (Unavailable e) {
            throw e;
        } catch (RuntimeException e) {
            throw new Unavailable("the simulation service is unavailable: " + e.getMessage(), e);
        }
    }
}
