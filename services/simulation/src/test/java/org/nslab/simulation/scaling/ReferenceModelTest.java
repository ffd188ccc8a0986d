package org.nslab.simulation.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ReferenceModelTest {

    private final Map<String, ReferenceModel> models = ReferenceModel.all().stream()
            .collect(Collectors.toMap(ReferenceModel::name, Function.identity()));

    @Test
    void referenceModelsCarryTheirPublishedSizesAndTokens() {
        assertEquals(List.of("GPT-3", "Gopher", "Chinchilla", "LLaMA-65B", "Llama 2 70B", "Llama 3 8B",
                "Llama 3 70B"), ReferenceModel.all().stream().map(ReferenceModel::name).toList());
        assertEquals(175e9, models.get("GPT-3").parameters());
        assertEquals(300e9, models.get("GPT-3").tokens());
        assertEquals(65.2e9, models.get("LLaMA-65B").parameters());
        assertEquals(15e12, models.get("Llama 3 8B").tokens());
        ReferenceModel.all().forEach(model -> assertFalse(model.source().isBlank(), model.name()));
    }

    @Test
    void trainingComputeIsSixTimesParametersTimesTokens() {
        assertEquals(3.15e23, models.get("GPT-3").trainingCompute(), 1e20);
        assertEquals(5.88e23, models.get("Chinchilla").trainingCompute(), 1e20);
        assertEquals(5.04e23, models.get("Gopher").trainingCompute(), 1e20);
        assertEquals(6.3e24, models.get("Llama 3 70B").trainingCompute(), 1e21);
    }

    @Test
    void chinchillaIsTrainedOnTwentyTokensPerParameter() {
        assertEquals(20, models.get("Chinchilla").tokensPerParameter(), 1e-9);
        assertEquals(1875, models.get("Llama 3 8B").tokensPerParameter(), 1e-9);
    }

    @Test
    void trainingComputeHelperMatchesTheReferenceModels() {
        assertEquals(models.get("Chinchilla").trainingCompute(), TrainingCompute.flops(70e9, 1.4e12));
    }
}
