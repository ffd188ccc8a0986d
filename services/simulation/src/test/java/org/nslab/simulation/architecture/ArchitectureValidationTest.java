package org.nslab.simulation.architecture;

import org.nslab.simulation.validation.Problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArchitectureValidationTest {

    private static List<String> fields(List<Problem> problems) {
        return problems.stream().map(Problem::field).toList();
    }

    @Test
    void everyPresetIsValid() {
        for (ArchitectureConfig preset : ArchitecturePresets.all()) {
            assertEquals(List.of(), preset.validate(), preset.name());
        }
    }

    @Test
    void presetsCanBeFoundByName() {
        assertEquals(ArchitecturePresets.gpt2Small(), ArchitecturePresets.byName("gpt-2 small").orElseThrow());
        assertTrue(ArchitecturePresets.byName("GPT-5").isEmpty());
    }

    @Test
    void headsThatDoNotDivideTheWidthAreReported() {
        ArchitectureConfig config = ArchitecturePresets.gpt2Small().toBuilder().heads(7).kvHeads(7).build();

        assertEquals(List.of("heads"), fields(config.validate()));
    }

    @Test
    void anExplicitHeadDimensionLiftsTheDivisibilityRule() {
        ArchitectureConfig config = ArchitecturePresets.gpt2Small().toBuilder().heads(7).kvHeads(7).headDim(64)
                .build();

        assertEquals(List.of(), config.validate());
    }

    @Test
    void kvHeadsThatDoNotDivideHeadsAreReported() {
        ArchitectureConfig config = ArchitecturePresets.llama7b().toBuilder().kvHeads(5).build();

        List<Problem> problems = config.validate();

        assertEquals(List.of("kvHeads"), fields(problems));
        assertEquals("must divide heads (32), was 5", problems.get(0).message());
    }

    @Test
    void moreActiveExpertsThanExpertsAreReported() {
        ArchitectureConfig config = ArchitecturePresets.mixtral8x7b().toBuilder().experts(8, 9).build();

        List<Problem> problems = config.validate();

        assertEquals(List.of("activeExperts"), fields(problems));
        assertEquals("must be between 1 and 8, was 9", problems.get(0).message());
    }

    @Test
    void sizesOutsideThePhysicalRangesAreReported() {
        ArchitectureConfig config = ArchitectureConfig.builder(ModelFamily.DECODER_ONLY)
                .vocabSize(0)
                .contextLength(20_000_000)
                .layers(1001)
                .dModel(200_000)
                .heads(8)
                .mlpHidden(-1)
                .build();

        assertEquals(List.of("vocabSize", "contextLength", "decoderLayers", "dModel", "mlpHidden"),
                fields(config.validate()));
    }

    @Test
    void eachFamilyRequiresItsOwnStacks() {
        ArchitectureConfig decoderWithEncoder = ArchitecturePresets.gpt2Small().toBuilder().encoderLayers(2).build();
        ArchitectureConfig t5WithoutDecoder = ArchitecturePresets.t5Base().toBuilder().decoderLayers(0).build();

        assertEquals(List.of("encoderLayers"), fields(decoderWithEncoder.validate()));
        assertEquals(List.of("decoderLayers"), fields(t5WithoutDecoder.validate()));
    }

    @Test
    void bertExtrasAreRefusedOutsideEncoderOnlyModels() {
        ArchitectureConfig config = ArchitecturePresets.gpt2Small().toBuilder()
                .tokenTypes(2).pooler(true).mlmHead(true).nspHead(true).build();

        assertEquals(List.of("tokenTypes", "pooler", "mlmHead", "nspHead"), fields(config.validate()));
    }

    @Test
    void relativeBiasNeedsBuckets() {
        ArchitectureConfig config = ArchitecturePresets.t5Base().toBuilder().relativeAttentionBuckets(0).build();

        assertEquals(List.of("relativeAttentionBuckets"), fields(config.validate()));
    }

    @Test
    void missingChoicesAndBlankNamesAreReported() {
        ArchitectureConfig config = ArchitecturePresets.gpt2Small().toBuilder()
                .name(" ").activation(null).normalization(null).positions(null).build();

        assertEquals(List.of("name", "activation", "normalization", "positions"), fields(config.validate()));
    }

    @Test
    void trainingAndInferenceSetupsReportTheirFields() {
        TrainingSetup training = new TrainingSetup(null, 4, 0, 0, 0, false);
        InferenceSetup inference = new InferenceSetup(DataType.BF16, null, 0, 20_000_000);

        assertEquals(List.of("precision", "zeroStage", "gpus", "sequenceLength", "microBatchSize"),
                fields(training.validate()));
        assertEquals(List.of("kvCache", "batchSize", "sequenceLength"), fields(inference.validate()));
    }
}
