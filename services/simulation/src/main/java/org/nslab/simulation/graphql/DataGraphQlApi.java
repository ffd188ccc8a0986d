package org.nslab.simulation.graphql;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Type;
import org.nslab.simulation.data.CodeRules;
import org.nslab.simulation.data.DataPipeline;
import org.nslab.simulation.data.LanguageIdentifier;
import org.nslab.simulation.data.QualityRules;

/** The data theatre: the pipeline over Brown, SpamAssassin and the platform's code with a learner's switches and thresholds. */
@GraphQLApi
@ApplicationScoped
@RolesAllowed("service")
public class DataGraphQlApi {

    static final int MAX_DOCUMENTS_PAGE = 1000;
    private final DataPipelines pipelines;

    public DataGraphQlApi(DataPipelines pipelines) {
        this.pipelines = pipelines;
    }

    @Input("DataPipelineInput")
    @Description("Sources, stage switches and thresholds; every field optional (defaults: all sources, English at "
            + "probability 0.65, Gopher's and StarCoder's rules, PII redaction, exact and near-duplicate removal at 0.8). "
            + "documents* fields page and filter the list of documents.")
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
    @Description("The filters as a spam classifier on the labelled SpamAssassin mail (removed = predicted spam), "
            + "cumulative up to a stage: precision is null when nothing was removed.")
    public record SpamFilter(int spam, int ham, int spamRemoved, int hamRemoved, Double precision, Double recall, Double hamKept) {
    }

    @Type("DocumentSample")
    public record Sample(@NonNull String id, @NonNull String source, @NonNull String category, String label,
                         @NonNull List<@NonNull String> reasons, @NonNull String preview) {
    }

    @Type("DataStage")
    public record Stage(@NonNull String stage, boolean enabled, int documentsIn, int documentsKept, long wordsIn, long wordsKept,
                        long tokensIn, long tokensKept, @NonNull List<@NonNull ReasonCount> reasons,
                        @NonNull List<@NonNull ReasonCount> actions, SpamFilter spamFilter,
                        @NonNull List<@NonNull Sample> removedSamples) {
    }

    @Type("CategoryShare")
    public record CategoryShare(@NonNull String category, long words) {
    }

    @Type("SourceShare")
    public record SourceShare(@NonNull String source, int documents, long words, long tokens, double tokenShare) {
    }

    @Type("DataPipelinePayload")
    public record Payload(@NonNull List<@NonNull Stage> stages, @NonNull List<DataPipeline.@NonNull Outcome> documents,
                          int documentCount, @NonNull List<@NonNull CategoryShare> mixture,
                          @NonNull List<@NonNull SourceShare> sources, SpamFilter spamFilter,
                          @NonNull List<@NonNull Sample> keptSamples, @NonNull List<@NonNull UserError> userErrors) {

        static Payload errors(List<UserError> errors) {
            return new Payload(List.of(), List.of(), 0, List.of(), List.of(), null, List.of(), errors);
        }
    }

    @Query
    @Description("Runs the data pipeline: extraction and normalization, language identification, quality rules, PII "
            + "redaction, exact and MinHash-LSH near-duplicate removal, reporting each stage (with the spam filter's "
            + "precision and recall), samples, every document's fate and the final mixture. The flat arguments are "
            + "the first version's and still work; input wins over them.")
    public @NonNull Payload dataPipeline(DataPipelineInput input,
                                         @Description("Deprecated: use input.quality") Boolean quality,
                                         @Description("Deprecated: use input.minWords") Integer minWords,
                                         @Description("Deprecated: use input.maxSymbolRatio") Double maxSymbolRatio,
                                         @Description("Deprecated: use input.minStopWords") Integer minStopWords,
                                         @Description("Deprecated: use input.redactPii") Boolean redactPii,
                                         @Description("Deprecated: use input.deduplicate") Boolean deduplicate,
                                         @Description("Deprecated: use input.duplicateThreshold") Double duplicateThreshold) {
        DataPipelineInput in = input != null ? input : new DataPipelineInput(null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        Fields f = new Fields(input != null);
        QualityRules gopher = QualityRules.gopher();
        CodeRules starCoder = CodeRules.starCoder();
        DataPipeline.Settings defaults = DataPipeline.Settings.defaults();

        Set<String> sources = f.names("sources", in.sources(), DataPipeline.SOURCES, DataPipeline.SOURCES);
        boolean language = f.flag(in.languageIdentification(), null, true);
        Set<String> languages = f.names("languages", in.languages(), List.of("en"), LanguageIdentifier.LANGUAGES);
        double minLanguageProbability = f.number("minLanguageProbability", in.minLanguageProbability(), null, 0.65, 0, 1);
        boolean qualityOn = f.flag(in.quality(), quality, true);
        int minW = (int) f.number("minWords", in.minWords(), minWords, gopher.minWords(), 0, 100_000);
        int maxW = (int) f.number("maxWords", in.maxWords(), null, gopher.maxWords(), 1, 10_000_000);
        double minMean = f.number("minMeanWordLength", in.minMeanWordLength(), null, gopher.minMeanWordLength(), 0, 100);
        double maxMean = f.number("maxMeanWordLength", in.maxMeanWordLength(), null, gopher.maxMeanWordLength(), 0, 100);
        double symbols = f.number("maxSymbolRatio", in.maxSymbolRatio(), maxSymbolRatio, gopher.maxSymbolRatio(), 0, 1);
        double alphabetic = f.number("minAlphabeticWords", in.minAlphabeticWords(), null, gopher.minAlphabeticWords(), 0, 1);
        int stopWords = (int) f.number("minStopWords", in.minStopWords(), minStopWords, gopher.minStopWords(), 0, 8);
        double duplicateLines = f.number("maxDuplicateLines", in.maxDuplicateLines(), null, gopher.maxDuplicateLines(), 0, 1);
        double trigram = f.number("maxTopTrigram", in.maxTopTrigram(), null, gopher.maxTopTrigram(), 0, 1);
        int maxLine = (int) f.number("maxLineLength", in.maxLineLength(), null, starCoder.maxLineLength(), 1, 1_000_000);
        double maxMeanLine = f.number("maxMeanLineLength", in.maxMeanLineLength(), null, starCoder.maxMeanLineLength(), 1, 100_000);
        double alphanumeric = f.number("minAlphanumeric", in.minAlphanumeric(), null, starCoder.minAlphanumeric(), 0, 1);
        boolean pii = f.flag(in.redactPii(), redactPii, true);
        boolean exact = f.flag(in.exactDeduplicate(), null, true);
        boolean near = f.flag(in.deduplicate(), deduplicate, true);
        double threshold = f.number("duplicateThreshold", in.duplicateThreshold(), duplicateThreshold,
                defaults.duplicateThreshold(), DataPipeline.MIN_DUPLICATE_THRESHOLD, 1);
        if (minW > maxW) {
            f.error("must not exceed maxWords (" + maxW + "), was " + minW, "minWords");
        }
        if (minMean > maxMean) {
            f.error("must not exceed maxMeanWordLength (" + maxMean + "), was " + minMean, "minMeanWordLength");
        }
        String documentsSource = in.documentsSource();
        if (documentsSource != null && !DataPipeline.SOURCES.contains(documentsSource)) {
            f.error("must be one of " + DataPipeline.SOURCES + ", was " + documentsSource, "documentsSource");
        }
        String fate = in.documentsFate() == null ? null : in.documentsFate().toLowerCase(Locale.ROOT);
        if (fate != null && !fate.equals("kept") && !fate.equals("removed")) {
            f.error("must be KEPT or REMOVED, was " + in.documentsFate(), "documentsFate");
        }
        int offset = (int) f.number("documentsOffset", in.documentsOffset(), null, 0, 0, 1_000_000);
        int limit = (int) f.number("documentsLimit", in.documentsLimit(), null, 100, 0, MAX_DOCUMENTS_PAGE);
        if (!f.errors.isEmpty()) {
            return Payload.errors(f.errors);
        }

        DataPipeline.Settings settings = new DataPipeline.Settings(sources, language, languages, minLanguageProbability,
                qualityOn, new QualityRules(minW, maxW, minMean, maxMean, symbols, alphabetic, stopWords, duplicateLines, trigram),
                new CodeRules(maxLine, maxMeanLine, alphanumeric), pii, exact, near, threshold);
        DataPipeline.Report report = pipelines.get().run(settings);
        List<DataPipeline.Outcome> matching = report.documents().stream()
                .filter(d -> documentsSource == null || d.source().equals(documentsSource))
                .filter(d -> fate == null || d.kept() == fate.equals("kept"))
                .toList();
        Function<DataPipeline.Sample, Sample> sample = s -> new Sample(s.id(), s.source(), s.category(), s.label(), s.reasons(), s.preview());
        return new Payload(
                report.stages().stream().map(s -> new Stage(s.stage(), s.enabled(), s.documentsIn(), s.documentsKept(),
                        s.wordsIn(), s.wordsKept(), s.tokensIn(), s.tokensKept(), counts(s.reasons()), counts(s.actions()),
                        spamFilter(s.labelled()), s.removedSamples().stream().map(sample).toList())).toList(),
                matching.subList(Math.min(offset, matching.size()), Math.min(matching.size(), offset + limit)),
                matching.size(),
                report.keptWordsByCategory().entrySet().stream().map(e -> new CategoryShare(e.getKey(), e.getValue())).toList(),
                report.mixture().stream().map(s -> new SourceShare(s.source(), s.documents(), s.words(), s.tokens(), s.tokenShare())).toList(),
                spamFilter(report.labelled()),
                report.keptSamples().values().stream().flatMap(List::stream).map(sample).toList(),
                List.of());
    }

    private static List<ReasonCount> counts(Map<String, Integer> counts) {
        return counts.entrySet().stream().map(e -> new ReasonCount(e.getKey(), e.getValue())).toList();
    }

    private static SpamFilter spamFilter(DataPipeline.LabelledCounts c) {
        return c == null ? null : new SpamFilter(c.spam(), c.ham(), c.spamRemoved(), c.hamRemoved(), finite(c.precision()),
                finite(c.recall()), finite(c.hamKept()));
    }

    private static Double finite(double value) {
        return Double.isNaN(value) ? null : value;
    }

    /** Reads fields of the input (or the deprecated flat arguments), collecting problems with their paths. */
    private static final class Fields {
        private final boolean nested;
        private final List<UserError> errors = new ArrayList<>();

        Fields(boolean nested) {
            this.nested = nested;
        }

        void error(String message, String field) {
            errors.add(nested ? UserError.of(message, "input", field) : UserError.of(message, field));
        }

        boolean flag(Boolean value, Boolean legacy, boolean fallback) {
            return value != null ? value : legacy != null ? legacy : fallback;
        }

        double number(String field, Number value, Number legacy, double fallback, double min, double max) {
            Number chosen = value != null ? value : legacy;
            if (chosen == null) {
                return fallback;
            }
            double v = chosen.doubleValue();
            if (!(v >= min && v <= max)) {
                error("must be between " + format(min) + " and " + format(max) + ", was " + format(v), field);
                return fallback;
            }
            return v;
        }

        Set<String> names(String field, List<String> values, List<String> fallback, List<String> allowed) {
            if (values == null) {
                return Set.copyOf(fallback);
            }
            if (values.isEmpty()) {
                error("must name at least one of " + allowed, field);
            }
            Set<String> names = new LinkedHashSet<>();
            for (String value : values) {
                if (!allowed.contains(value)) {
                    error("unknown: " + value + "; must be among " + allowed, field);
                }
                names.add(value);
            }
            return names;
        }

        private static String format(double v) {
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
        }
    }
}
