package org.nslab.simulation.graphql;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Type;
import org.nslab.simulation.corpus.BrownCorpus;
import org.nslab.simulation.data.DataPipeline;
import org.nslab.simulation.data.QualityRules;

/** The data theatre: the pipeline over the corpus with a learner's switches and thresholds. */
@GraphQLApi
@ApplicationScoped
@RolesAllowed("service")
public class DataGraphQlApi {

    private volatile DataPipeline pipeline;

    @Type("ReasonCount")
    public record ReasonCount(@NonNull String reason, int count) {
    }

    @Type("DataStage")
    public record Stage(@NonNull String stage, int documentsIn, int documentsKept, long wordsIn, long wordsKept,
                        @NonNull List<@NonNull ReasonCount> reasons) {
    }

    @Type("CategoryShare")
    public record CategoryShare(@NonNull String category, long words) {
    }

    @Type("DataPipelinePayload")
    public record Payload(@NonNull List<@NonNull Stage> stages, @NonNull List<DataPipeline.@NonNull Outcome> documents,
                          @NonNull List<@NonNull CategoryShare> mixture, @NonNull List<@NonNull UserError> userErrors) {
    }

    @Query
    @Description("Runs the data pipeline over the Brown corpus: quality rules (Gopher-style thresholds), PII redaction and "
            + "MinHash near-duplicate removal, reporting each stage and each document's fate.")
    public @NonNull Payload dataPipeline(@DefaultValue("true") boolean quality, @DefaultValue("50") int minWords,
                                         @DefaultValue("0.1") double maxSymbolRatio, @DefaultValue("2") int minStopWords,
                                         @DefaultValue("true") boolean redactPii, @DefaultValue("true") boolean deduplicate,
                                         @DefaultValue("0.8") double duplicateThreshold) {
        List<UserError> errors = new ArrayList<>();
        if (minWords < 0 || minWords > 100_000) {
            errors.add(UserError.of("minWords must be between 0 and 100000", "minWords"));
        }
        if (!(maxSymbolRatio >= 0 && maxSymbolRatio <= 1)) {
            errors.add(UserError.of("maxSymbolRatio must be in [0, 1]", "maxSymbolRatio"));
        }
        if (minStopWords < 0 || minStopWords > 8) {
            errors.add(UserError.of("minStopWords must be between 0 and 8", "minStopWords"));
        }
        if (!(duplicateThreshold > 0 && duplicateThreshold <= 1)) {
            errors.add(UserError.of("duplicateThreshold must be in (0, 1]", "duplicateThreshold"));
        }
        if (!errors.isEmpty()) {
            return new Payload(List.of(), List.of(), List.of(), errors);
        }
        QualityRules gopher = QualityRules.gopher();
        QualityRules rules = new QualityRules(minWords, gopher.maxWords(), gopher.minMeanWordLength(), gopher.maxMeanWordLength(),
                maxSymbolRatio, gopher.minAlphabeticWords(), minStopWords, gopher.maxDuplicateLines(), gopher.maxTopTrigram());
        DataPipeline.Report report = pipeline().run(new DataPipeline.Settings(quality, rules, redactPii, deduplicate, duplicateThreshold));
        return new Payload(
                report.stages().stream().map(s -> new Stage(s.stage(), s.documentsIn(), s.documentsKept(), s.wordsIn(), s.wordsKept(),
                        s.reasons().entrySet().stream().map(e -> new ReasonCount(e.getKey(), e.getValue())).toList())).toList(),
                report.documents(),
                report.keptWordsByCategory().entrySet().stream().map(e -> new CategoryShare(e.getKey(), e.getValue())).toList(),
                List.of());
    }

    /** Built once: the MinHash signatures of the corpus do not depend on the settings. */
    private DataPipeline pipeline() {
        DataPipeline current = pipeline;
        if (current == null) {
            synchronized (this) {
                if (pipeline == null) {
                    pipeline = new DataPipeline(BrownCorpus.load());
                }
                current = pipeline;
            }
        }
        return current;
    }
}
