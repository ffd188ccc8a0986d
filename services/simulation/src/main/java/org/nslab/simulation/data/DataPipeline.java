package org.nslab.simulation.data;

import com.knuddels.jtokkit.api.Encoding;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.nslab.simulation.corpus.SourceDocument;
import org.nslab.simulation.tokenizer.TokenizerName;
import org.nslab.simulation.tokenizer.Tokenizers;

/**
 * The data theatre's pipeline over several sources: extraction and normalization, language
 * identification, quality rules (Gopher's for prose, StarCoder's for code), PII redaction, exact and
 * near-duplicate removal; each stage switchable, with what it kept and removed and why.
 *
 * <p>Everything that does not depend on a learner's settings is measured once when the pipeline is
 * built, one document at a time so that no source is ever held whole: word and GPT-2 token counts,
 * the language and its probability, the quality features, the PII found, an exact-content hash and the
 * near-duplicate candidate pairs from MinHash-LSH. {@link #run} then only compares numbers with
 * thresholds, in milliseconds. Only a short preview of each text is kept, for the samples.
 */
public final class DataPipeline {

    public static final String BROWN = "brown";
    public static final String SPAM_ASSASSIN = "spam-assassin";
    public static final String CODE = "code";
    public static final List<String> SOURCES = List.of(BROWN, SPAM_ASSASSIN, CODE);
    public static final List<String> STAGES = List.of("extraction", "language", "quality", "pii-redaction",
            "exact-deduplication", "near-deduplication");
    /** The lowest near-duplicate threshold: below it the LSH bands no longer find candidates reliably. */
    public static final double MIN_DUPLICATE_THRESHOLD = 0.5;
    static final int PREVIEW = 400;
    /** Documents measured in parallel at a time: enough for every core, few enough texts in memory. */
    private static final int BATCH = 256;

    /** Switches and thresholds a learner tunes. */
    public record Settings(Set<String> sources, boolean language, Set<String> languages, double minLanguageProbability,
                           boolean quality, QualityRules rules, CodeRules codeRules, boolean redactPii,
                           boolean exactDeduplicate, boolean deduplicate, double duplicateThreshold) {

        /** Every source, English only at probability 0.65, Gopher's and StarCoder's rules, redaction and deduplication at 0.8. */
        public static Settings defaults() {
            return new Settings(Set.copyOf(SOURCES), true, Set.of("en"), 0.65, true, QualityRules.gopher(),
                    CodeRules.starCoder(), true, true, true, 0.8);
        }
    }

    /**
     * Spam and ham removed so far (cumulative) among the labelled SpamAssassin messages: the filters as a
     * spam classifier where "removed" means "predicted spam".
     */
    public record LabelledCounts(int spam, int ham, int spamRemoved, int hamRemoved) {
        /** Of the removed messages, the fraction that is spam; NaN when none is removed. */
        public double precision() {
            return spamRemoved + hamRemoved == 0 ? Double.NaN : (double) spamRemoved / (spamRemoved + hamRemoved);
        }

        /** Of the spam, the fraction removed. */
        public double recall() {
            return spam == 0 ? Double.NaN : (double) spamRemoved / spam;
        }

        /** Of the ham, the fraction kept. */
        public double hamKept() {
            return ham == 0 ? Double.NaN : 1 - (double) hamRemoved / ham;
        }
    }

    /** A document shown to the learner: its first characters (redacted when redaction is on) and why it was removed. */
    public record Sample(String id, String source, String category, String label, List<String> reasons, String preview) {
    }

    public record StageReport(String stage, boolean enabled, int documentsIn, int documentsKept, long wordsIn, long wordsKept,
                              long tokensIn, long tokensKept, Map<String, Integer> reasons, Map<String, Integer> actions,
                              LabelledCounts labelled, List<Sample> removedSamples) {
    }

    /** One document's fate: kept, or removed at a stage for reasons. */
    public record Outcome(String id, String source, String category, String label, boolean kept, String removedBy,
                          List<String> reasons, int piiRedacted, String language, double languageProbability,
                          int words, int tokens) {
    }

    public record SourceShare(String source, int documents, long words, long tokens, double tokenShare) {
    }

    public record Report(List<StageReport> stages, List<Outcome> documents, Map<String, Long> keptWordsByCategory,
                         List<SourceShare> mixture, LabelledCounts labelled, Map<String, List<Sample>> keptSamples) {
    }

    /** What is measured once per document. */
    private record Profile(String id, String source, String category, String label, int rawBytes, List<String> extraction,
                           boolean noText, int words, int tokens, String language, double languageProbability,
                           QualityRules.Features quality, CodeRules.Features code, Map<String, Integer> pii, long contentHash,
                           String preview) {
    }

    private final List<Profile> profiles = new ArrayList<>();
    /** For each document, its near-duplicate candidates among earlier documents with their similarity. */
    private final int[][] candidates;
    private final float[][] similarities;

    /**
     * Measures the documents that the loaders stream, one source after another.
     *
     * @param loaders each streams one source's documents to the consumer it is given
     */
    public DataPipeline(List<Consumer<Consumer<SourceDocument>>> loaders) {
        LanguageIdentifier languages = new LanguageIdentifier();
        Encoding gpt2 = Tokenizers.encoding(TokenizerName.GPT2);
        MinHashDeduplicator minHash = MinHashDeduplicator.sensitive();
        List<long[]> signatures = new ArrayList<>();
        List<SourceDocument> batch = new ArrayList<>(BATCH);
        Runnable measure = () -> {
            List<Object[]> measured = batch.parallelStream()
                    .map(d -> new Object[] {profile(d, languages, gpt2), minHash.signature(d.text())}).toList();
            for (Object[] m : measured) {
                profiles.add((Profile) m[0]);
                signatures.add((long[]) m[1]);
            }
            batch.clear();
        };
        for (Consumer<Consumer<SourceDocument>> loader : loaders) {
            loader.accept(document -> {
                batch.add(document);
                if (batch.size() == BATCH) {
                    measure.run();
                }
            });
        }
        measure.run();
        candidates = new int[profiles.size()][];
        similarities = new float[profiles.size()][];
        List<List<MinHashDeduplicator.Pair>> byLater = new ArrayList<>();
        for (int i = 0; i < profiles.size(); i++) {
            byLater.add(new ArrayList<>(0));
        }
        for (MinHashDeduplicator.Pair pair : minHash.candidatePairs(signatures, MIN_DUPLICATE_THRESHOLD)) {
            byLater.get(pair.later()).add(pair);
        }
        for (int i = 0; i < profiles.size(); i++) {
            List<MinHashDeduplicator.Pair> pairs = byLater.get(i);
            candidates[i] = pairs.stream().mapToInt(MinHashDeduplicator.Pair::earlier).toArray();
            similarities[i] = new float[pairs.size()];
            for (int k = 0; k < pairs.size(); k++) {
                similarities[i][k] = (float) pairs.get(k).similarity();
            }
        }
    }

    /** A pipeline over documents in memory (tests). */
    public static DataPipeline of(List<SourceDocument> documents) {
        return new DataPipeline(List.of(consumer -> documents.forEach(consumer)));
    }

    private static Profile profile(SourceDocument d, LanguageIdentifier languages, Encoding gpt2) {
        String text = d.text();
        boolean code = CODE.equals(d.source());
        String trimmed = text.trim();
        int words = trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
        LanguageIdentifier.Language language = code ? new LanguageIdentifier.Language(CODE, 1) : languages.identify(text);
        Map<String, Integer> pii = PiiRedactor.redact(text).counts();
        String preview = text.length() > PREVIEW ? text.substring(0, PREVIEW) + "…" : text;
        return new Profile(d.id(), d.source(), d.category(), d.label(), d.rawBytes(), d.extraction(),
                d.extraction().contains("no-text-body"), words, gpt2.countTokensOrdinary(text), language.code(),
                language.probability(), code ? null : QualityRules.measure(text), code ? CodeRules.measure(text) : null,
                pii.isEmpty() ? Map.of() : Map.copyOf(pii), contentHash(text), preview);
    }

    /** A 64-bit FNV-1a hash of the text lower-cased with its whitespace collapsed: equal for exact duplicates. */
    static long contentHash(String text) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : String.join(" ", text.toLowerCase().trim().split("\\s+")).getBytes(StandardCharsets.UTF_8)) {
            hash ^= b;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    public int size() {
        return profiles.size();
    }

    /** Runs the stages with these settings over the precomputed measurements. */
    public Report run(Settings settings) {
        int n = profiles.size();
        boolean[] alive = new boolean[n];
        String[] removedBy = new String[n];
        List<List<String>> reasons = new ArrayList<>(n);
        int[] pii = new int[n];
        for (int i = 0; i < n; i++) {
            alive[i] = settings.sources().contains(profiles.get(i).source());
            reasons.add(new ArrayList<>(1));
        }
        List<StageReport> stages = new ArrayList<>();
        Stage stage;

        stage = new Stage("extraction", true, alive, settings);
        for (int i = 0; i < n; i++) {
            if (alive[i]) {
                Profile p = profiles.get(i);
                p.extraction().stream().filter(note -> !note.equals("no-text-body")).forEach(stage::act);
                if (p.noText()) {
                    stage.remove(i, "no-text-body", alive, removedBy, reasons);
                }
            }
        }
        stages.add(stage.report(alive, reasons));

        stage = new Stage("language", settings.language(), alive, settings);
        for (int i = 0; i < n && settings.language(); i++) {
            Profile p = profiles.get(i);
            if (!alive[i] || CODE.equals(p.source())) {
                continue;
            }
            stage.act("detected-" + p.language());
            if (!settings.languages().contains(p.language())) {
                stage.remove(i, "other-language", alive, removedBy, reasons);
            } else if (p.languageProbability() < settings.minLanguageProbability()) {
                stage.remove(i, "low-language-probability", alive, removedBy, reasons);
            }
        }
        stages.add(stage.report(alive, reasons));

        stage = new Stage("quality", settings.quality(), alive, settings);
        for (int i = 0; i < n && settings.quality(); i++) {
            if (alive[i]) {
                Profile p = profiles.get(i);
                List<String> failed = p.code() != null ? settings.codeRules().check(p.code()) : settings.rules().check(p.quality());
                if (!failed.isEmpty()) {
                    stage.remove(i, failed, alive, removedBy, reasons);
                }
            }
        }
        stages.add(stage.report(alive, reasons));

        stage = new Stage("pii-redaction", settings.redactPii(), alive, settings);
        for (int i = 0; i < n && settings.redactPii(); i++) {
            if (alive[i]) {
                Profile p = profiles.get(i);
                for (Map.Entry<String, Integer> kind : p.pii().entrySet()) {
                    stage.actions.merge(kind.getKey(), kind.getValue(), Integer::sum);
                    pii[i] += kind.getValue();
                }
            }
        }
        stages.add(stage.report(alive, reasons));

        stage = new Stage("exact-deduplication", settings.exactDeduplicate(), alive, settings);
        if (settings.exactDeduplicate()) {
            Map<Long, Integer> first = new java.util.HashMap<>();
            for (int i = 0; i < n; i++) {
                if (alive[i]) {
                    Integer earlier = first.putIfAbsent(profiles.get(i).contentHash(), i);
                    if (earlier != null) {
                        stage.remove(i, "exact-duplicate", alive, removedBy, reasons);
                        reasons.get(i).add("duplicate-of:" + profiles.get(earlier).id());
                    }
                }
            }
        }
        stages.add(stage.report(alive, reasons));

        stage = new Stage("near-deduplication", settings.deduplicate(), alive, settings);
        for (int i = 0; i < n && settings.deduplicate(); i++) {
            if (!alive[i]) {
                continue;
            }
            for (int k = 0; k < candidates[i].length; k++) {
                int j = candidates[i][k];
                if (alive[j] && similarities[i][k] >= settings.duplicateThreshold()) {
                    stage.remove(i, "near-duplicate", alive, removedBy, reasons);
                    reasons.get(i).add("duplicate-of:" + profiles.get(j).id());
                    break;
                }
            }
        }
        stages.add(stage.report(alive, reasons));

        List<Outcome> outcomes = new ArrayList<>(n);
        Map<String, Long> mixture = new LinkedHashMap<>();
        Map<String, long[]> bySource = new LinkedHashMap<>();
        Map<String, List<Integer>> keptBySource = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            Profile p = profiles.get(i);
            if (!settings.sources().contains(p.source())) {
                continue;
            }
            outcomes.add(new Outcome(p.id(), p.source(), p.category(), p.label(), alive[i], removedBy[i],
                    List.copyOf(reasons.get(i)), pii[i], p.language(), p.languageProbability(), p.words(), p.tokens()));
            long[] share = bySource.computeIfAbsent(p.source(), s -> new long[3]);
            if (alive[i]) {
                mixture.merge(p.category(), (long) p.words(), Long::sum);
                share[0]++;
                share[1] += p.words();
                share[2] += p.tokens();
                keptBySource.computeIfAbsent(p.source(), s -> new ArrayList<>()).add(i);
            }
        }
        long allTokens = bySource.values().stream().mapToLong(s -> s[2]).sum();
        List<SourceShare> shares = bySource.entrySet().stream().map(e -> new SourceShare(e.getKey(), (int) e.getValue()[0],
                e.getValue()[1], e.getValue()[2], allTokens == 0 ? 0 : (double) e.getValue()[2] / allTokens)).toList();
        Map<String, List<Sample>> keptSamples = new LinkedHashMap<>();
        keptBySource.forEach((source, kept) -> keptSamples.put(source,
                spread(kept, 3).stream().map(i -> sample(i, List.of(), settings)).toList()));
        return new Report(stages, outcomes, mixture, shares, labelled(alive, settings), keptSamples);
    }

    private LabelledCounts labelled(boolean[] alive, Settings settings) {
        if (!settings.sources().contains(SPAM_ASSASSIN)) {
            return null;
        }
        int spam = 0;
        int ham = 0;
        int spamRemoved = 0;
        int hamRemoved = 0;
        for (int i = 0; i < profiles.size(); i++) {
            String label = profiles.get(i).label();
            if ("spam".equals(label)) {
                spam++;
                spamRemoved += alive[i] ? 0 : 1;
            } else if ("ham".equals(label)) {
                ham++;
                hamRemoved += alive[i] ? 0 : 1;
            }
        }
        return new LabelledCounts(spam, ham, spamRemoved, hamRemoved);
    }

    private Sample sample(int i, List<String> reasons, Settings settings) {
        Profile p = profiles.get(i);
        String preview = settings.redactPii() ? PiiRedactor.redact(p.preview()).text() : p.preview();
        return new Sample(p.id(), p.source(), p.category(), p.label(), List.copyOf(reasons), preview);
    }

    /** Up to {@code k} items spread evenly over the list, first and last included. */
    static List<Integer> spread(List<Integer> items, int k) {
        if (items.size() <= k) {
            return items;
        }
        List<Integer> picked = new ArrayList<>(k);
        for (int s = 0; s < k; s++) {
            picked.add(items.get((int) ((long) s * (items.size() - 1) / (k - 1))));
        }
        return picked;
    }

    /** Counts one stage: documents, words and tokens before and after, reasons, actions, its removals. */
    private final class Stage {
        private final String name;
        private final boolean enabled;
        private final Settings settings;
        private final int documentsIn;
        private final long wordsIn;
        private final long tokensIn;
        private final Map<String, Integer> reasonCounts = new TreeMap<>();
        private final Map<String, Integer> actions = new TreeMap<>();
        private final List<Integer> removed = new ArrayList<>();

        Stage(String name, boolean enabled, boolean[] alive, Settings settings) {
            this.name = name;
            this.enabled = enabled;
            this.settings = settings;
            long[] totals = totals(alive);
            documentsIn = (int) totals[0];
            wordsIn = totals[1];
            tokensIn = totals[2];
        }

        void act(String action) {
            actions.merge(action, 1, Integer::sum);
        }

        void remove(int i, String reason, boolean[] alive, String[] removedBy, List<List<String>> reasons) {
            remove(i, List.of(reason), alive, removedBy, reasons);
        }

        void remove(int i, List<String> why, boolean[] alive, String[] removedBy, List<List<String>> reasons) {
            alive[i] = false;
            removedBy[i] = name;
            reasons.get(i).addAll(why);
            why.forEach(r -> reasonCounts.merge(r, 1, Integer::sum));
            removed.add(i);
        }

        StageReport report(boolean[] alive, List<List<String>> reasons) {
            long[] totals = totals(alive);
            List<Sample> samples = spread(removed, 3).stream().map(i -> sample(i, reasons.get(i), settings)).toList();
            return new StageReport(name, enabled, documentsIn, (int) totals[0], wordsIn, totals[1], tokensIn, totals[2],
                    reasonCounts, actions, labelled(alive, settings), samples);
        }

        private long[] totals(boolean[] alive) {
            long[] totals = new long[3];
            for (int i = 0; i < alive.length; i++) {
                if (alive[i]) {
                    totals[0]++;
                    totals[1] += profiles.get(i).words();
                    totals[2] += profiles.get(i).tokens();
                }
            }
            return totals;
        }
    }
}
