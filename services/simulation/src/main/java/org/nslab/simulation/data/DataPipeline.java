package org.nslab.simulation.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.nslab.simulation.corpus.Document;

/**
 * The data theatre's pipeline over a corpus: quality rules, PII redaction and near-duplicate removal,
 * each stage switchable, with what every stage kept and removed and why. The MinHash signatures,
 * which do not depend on the settings, are computed once when the pipeline is built, so a learner's
 * change of a threshold only re-runs the cheap checks.
 */
public final class DataPipeline {

    /** Switches and thresholds a learner tunes. */
    public record Settings(boolean quality, QualityRules rules, boolean redactPii, boolean deduplicate, double duplicateThreshold) {
    }

    public record StageReport(String stage, int documentsIn, int documentsKept, long wordsIn, long wordsKept,
                              Map<String, Integer> reasons) {
    }

    /** One document's fate: kept, or removed at a stage for reasons. */
    public record Outcome(String id, String category, boolean kept, String removedBy, List<String> reasons, int piiRedacted) {
    }

    public record Report(List<StageReport> stages, List<Outcome> documents, Map<String, Long> keptWordsByCategory) {
    }

    private final List<Document> documents;
    private final long[][] signatures;
    private final int[] words;

    public DataPipeline(List<Document> documents) {
        this.documents = List.copyOf(documents);
        MinHashDeduplicator minHash = MinHashDeduplicator.standard();
        this.signatures = new long[documents.size()][];
        this.words = new int[documents.size()];
        for (int i = 0; i < documents.size(); i++) {
            signatures[i] = minHash.signature(documents.get(i).text());
            String trimmed = documents.get(i).text().trim();
            words[i] = trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
        }
    }

    public Report run(Settings settings) {
        int n = documents.size();
        boolean[] alive = new boolean[n];
        java.util.Arrays.fill(alive, true);
        String[] removedBy = new String[n];
        List<List<String>> reasons = new ArrayList<>();
        int[] pii = new int[n];
        for (int i = 0; i < n; i++) {
            reasons.add(new ArrayList<>());
        }
        List<StageReport> stages = new ArrayList<>();

        if (settings.quality()) {
            Map<String, Integer> counts = new TreeMap<>();
            StageCounter counter = new StageCounter(alive);
            for (int i = 0; i < n; i++) {
                if (!alive[i]) {
                    continue;
                }
                List<String> failed = settings.rules().check(documents.get(i).text());
                if (!failed.isEmpty()) {
                    alive[i] = false;
                    removedBy[i] = "quality";
                    reasons.get(i).addAll(failed);
                    failed.forEach(r -> counts.merge(r, 1, Integer::sum));
                }
            }
            stages.add(counter.report("quality", alive, counts));
        }
        if (settings.redactPii()) {
            Map<String, Integer> counts = new TreeMap<>();
            StageCounter counter = new StageCounter(alive);
            for (int i = 0; i < n; i++) {
                if (alive[i]) {
                    PiiRedactor.Redaction redaction = PiiRedactor.redact(documents.get(i).text());
                    pii[i] = redaction.total();
                    redaction.counts().forEach((kind, count) -> counts.merge(kind, count, Integer::sum));
                }
            }
            stages.add(counter.report("pii-redaction", alive, counts));
        }
        if (settings.deduplicate()) {
            StageCounter counter = new StageCounter(alive);
            Map<String, Integer> counts = new TreeMap<>();
            for (int i = 0; i < n; i++) {
                if (!alive[i]) {
                    continue;
                }
                for (int j = 0; j < i; j++) {
                    if (alive[j] && MinHashDeduplicator.similarity(signatures[j], signatures[i]) >= settings.duplicateThreshold()) {
                        alive[i] = false;
                        removedBy[i] = "deduplication";
                        reasons.get(i).add("near-duplicate-of-" + documents.get(j).id());
                        counts.merge("near-duplicate", 1, Integer::sum);
                        break;
                    }
                }
            }
            stages.add(counter.report("deduplication", alive, counts));
        }

        List<Outcome> outcomes = new ArrayList<>();
        Map<String, Long> mixture = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            Document d = documents.get(i);
            outcomes.add(new Outcome(d.id(), d.category(), alive[i], removedBy[i], List.copyOf(reasons.get(i)), pii[i]));
            if (alive[i]) {
                mixture.merge(d.category(), (long) words[i], Long::sum);
            }
        }
        return new Report(stages, outcomes, mixture);
    }

    /** Counts documents and words before a stage, and reports after it. */
    private final class StageCounter {
        private final int documentsIn;
        private final long wordsIn;

        StageCounter(boolean[] alive) {
            int docs = 0;
            long w = 0;
            for (int i = 0; i < alive.length; i++) {
                if (alive[i]) {
                    docs++;
                    w += words[i];
                }
            }
            documentsIn = docs;
            wordsIn = w;
        }

        StageReport report(String stage, boolean[] alive, Map<String, Integer> reasons) {
            int docs = 0;
            long w = 0;
            for (int i = 0; i < alive.length; i++) {
                if (alive[i]) {
                    docs++;
                    w += words[i];
                }
            }
            return new StageReport(stage, documentsIn, docs, wordsIn, w, reasons);
        }
    }
}
