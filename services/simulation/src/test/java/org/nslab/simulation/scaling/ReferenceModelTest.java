package org.nslab.simulation.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ReferenceModelTest {

    private final Map<String, ReferenceModel> models = ReferenceModel.all().stream()
            .collect(Collectors.toMap(ReferenceModel::name, Function.identity()));

    @Test
    void theContentFileListsTheModelsOfTheIssueWithTheirPublishedFigures() {
        assertTrue(models.keySet().containsAll(List.of("GPT-3", "Gopher", "Chinchilla", "LLaMA-65B", "Llama 2 70B",
                "Llama 3 8B", "Llama 3 70B", "Llama 3 405B", "PaLM")), models.keySet().toString());
        assertEquals(175e9, models.get("GPT-3").parameters());
        assertEquals(300e9, models.get("GPT-3").tokens());
        assertEquals(3.14e23, models.get("GPT-3").computeFlops());
        assertEquals(65.2e9, models.get("LLaMA-65B").parameters());
        assertEquals(1.4e12, models.get("LLaMA-65B").tokens());
        assertEquals(2e12, models.get("Llama 2 70B").tokens());
        assertEquals(15e12, models.get("Llama 3 8B").tokens());
        assertEquals(15.6e12, models.get("Llama 3 405B").tokens());
        assertEquals(3.8e25, models.get("Llama 3 405B").computeFlops());
        assertEquals(models.get("Gopher").computeFlops(), models.get("Chinchilla").computeFlops(), "same budget");
    }

    @Test
    void everyEntryHasASourceWithPaperLinkAndPlaceAndPositiveFigures() {
        assertTrue(ReferenceModel.all().size() >= 10);
        for (ReferenceModel model : ReferenceModel.all()) {
            assertFalse(model.source().isBlank(), model.name());
            assertTrue(model.url().startsWith("https://"), model.name());
            assertTrue(model.source().contains("Table") || model.source().contains("Section") || model.source().contains("card"),
                    model.name() + ": " + model.source());
            assertTrue(model.parameters() > 1e9 && model.tokens() > 1e11 && model.year() >= 2020, model.name());
        }
    }

    @Test
    void withoutAPublishedFigureTheComputeIsSixTimesParametersTimesTokensAndSaysSo() {
        ReferenceModel llama2 = models.get("Llama 2 70B");
        assertFalse(llama2.computePublished());
        assertEquals(8.4e23, llama2.computeFlops(), 1e20);
        assertTrue(models.get("GPT-3").computePublished());
        assertEquals(3.15e23, models.get("GPT-3").trainingCompute(), 1e20);
        assertEquals(6.3e24, models.get("Llama 3 70B").trainingCompute(), 1e21);
    }

    @Test
    void chinchillaIsTrainedOnTwentyTokensPerParameter() {
        assertEquals(20, models.get("Chinchilla").tokensPerParameter(), 1e-9);
        assertEquals(1875, models.get("Llama 3 8B").tokensPerParameter(), 1e-9);
        assertEquals(models.get("Chinchilla").trainingCompute(), TrainingCompute.flops(70e9, 1.4e12));
    }

    @Test
    void anEntryWithoutASourceIsRejected() {
        String yaml = """
                models:
                  - name: Nameless
                    parameters: 1000000000
                    tokens: 20000000000
                """;
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ReferenceModel.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))));
        assertEquals("invalid reference models: Nameless: source needs paper, url and where", e.getMessage());
    }
}
