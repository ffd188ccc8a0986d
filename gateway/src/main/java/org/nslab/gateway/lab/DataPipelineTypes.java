package org.nslab.gateway.lab;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.nslab.contracts.UserError;

/**
 * The simulation service's data pipeline as the public schema shows it: the same names and shapes as the service's
 * (the input is forwarded as it is), except a document's fate, which the service calls {@code Outcome}.
 */
public final class DataPipelineTypes {

    private DataPipelineTypes() {
    }

    @Input("DataPipelineInput")
    @Description("Sources, stage switches and thresholds; every field optional (defaults: all sources, English at "
            + "probability 0.65, Gopher's and StarCoder's rules, PII redaction, exact and near-duplicate removal at 0.8). "
            + "documents* fields page (at most 1,000) and filter the list of documents.")
    public record DataPipelineInput(List<String> sources, Boolean languageIdentification, List<String> languages,
                                    Double minLanguageProbability, Boolean quality, Integer minWords, Integer maxWords,
                                    Double minMeanWordLength, Double maxMeanWordLength, Double maxSymbolRatio,
                                    Double minAlphabeticWords, Integer minStopWords, Double maxDuplicateLines,
                                    Double maxTopTrigram, Integer maxLineLength, Double maxMeanLineLength,
                                    Double minAlphanumeric, Boolean redactPii, Boolean exactDeduplicate, Boolean deduplicate,
                                    Double duplicateThreshold, String documentsSource, String documentsFate,
                                    Integer documentsOffset, Integer documentsLimit) {
    }

    @Type("ReasonCount")
    public record ReasonCount(@NonNull String reason, int count) {
    }

    @Type("SpamFilterReport")
    @Description("The filters as a spam classifier on the labelled SpamAssassin mail (removed = predicted spam).")
    public record SpamFilterReport(int spam, int ham, int spamRemoved, int hamRemoved, Double precision, Double recall,
                                   Double hamKept) {
    }

    @Type("DocumentSample")
    public record DocumentSample(@NonNull String id, @NonNull String source, @NonNull String category, String label,
                                 @NonNull List<@NonNull String> reasons, @NonNull String preview) {
    }

    @Type("DataStage")
    public record DataStage(@NonNull String stage, boolean enabled, int documentsIn, int documentsKept, long wordsIn,
                            long wordsKept, long tokensIn, long tokensKept, @NonNull List<@NonNull ReasonCount> reasons,
                            @NonNull List<@NonNull ReasonCount> actions, SpamFilterReport spamFilter,
                            @NonNull List<@NonNull DocumentSample> removedSamples) {
    }

    @Type("DataDocument")
    @Description("One document's fate: kept, or removed at a stage for reasons.")
    public record DataDocument(@NonNull String id, @NonNull String source, @NonNull String category, String label,
                               boolean kept, String removedBy, @NonNull List<@NonNull String> reasons, int piiRedacted,
                               String language, double languageProbability, int words, int tokens) {
    }

    @Type("CategoryShare")
    public record CategoryShare(@NonNull String category, long words) {
    }

    @Type("SourceShare")
    public record SourceShare(@NonNull String source, int documents, long words, long tokens, double tokenShare) {
    }

    @Type("DataPipelinePayload")
    public record DataPipelinePayload(List<@NonNull DataStage> stages, List<@NonNull DataDocument> documents,
                                      Integer documentCount, List<@NonNull CategoryShare> mixture,
                                      List<@NonNull SourceShare> sources, SpamFilterReport spamFilter,
                                      List<@NonNull DocumentSample> keptSamples, @NonNull List<@NonNull UserError> userErrors) {
    }
}
