package org.nslab.simulation.data;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Near-duplicate detection with MinHash signatures over word 5-grams (Broder, 1997) and
 * locality-sensitive hashing in bands: documents whose signatures agree on a whole band become
 * candidates, and a candidate whose estimated Jaccard similarity reaches the threshold is a duplicate
 * of the earlier document.
 */
public final class MinHashDeduplicator {

    private static final int SHINGLE = 5;
    /** The Mersenne prime 2^31 - 1: products of two values below it fit in a long. */
    private static final long PRIME = (1L << 31) - 1;

    private final int bands;
    private final int rows;
    private final double threshold;
    private final long[] a;
    private final long[] b;

    public MinHashDeduplicator(int bands, int rows, double threshold, long seed) {
        this.bands = bands;
        this.rows = rows;
        this.threshold = threshold;
        int n = bands * rows;
        SplittableRandom random = new SplittableRandom(seed);
        a = new long[n];
        b = new long[n];
        for (int i = 0; i < n; i++) {
            a[i] = 1 + random.nextLong(PRIME - 1);
            b[i] = random.nextLong(PRIME);
        }
    }

    /** 128 hashes in 16 bands of 8, similarity 0.8: the setting of the data theatre. */
    public static MinHashDeduplicator standard() {
        return new MinHashDeduplicator(16, 8, 0.8, 42);
    }

    /** For each document, the index of the earlier document it nearly duplicates, or -1. */
    public int[] duplicates(List<String> documents) {
        long[][] signatures = new long[documents.size()][];
        for (int d = 0; d < documents.size(); d++) {
            signatures[d] = signature(documents.get(d));
        }
        int[] duplicateOf = new int[documents.size()];
        java.util.Arrays.fill(duplicateOf, -1);
        List<Map<String, List<Integer>>> buckets = new ArrayList<>();
        for (int band = 0; band < bands; band++) {
            buckets.add(new HashMap<>());
        }
        for (int d = 0; d < documents.size(); d++) {
            Set<Integer> candidates = new HashSet<>();
            for (int band = 0; band < bands; band++) {
                StringBuilder key = new StringBuilder();
                for (int r = 0; r < rows; r++) {
                    key.append(signatures[d][band * rows + r]).append(',');
                }
                List<Integer> bucket = buckets.get(band).computeIfAbsent(key.toString(), k -> new ArrayList<>());
                candidates.addAll(bucket);
                bucket.add(d);
            }
            int best = -1;
            for (int c : candidates.stream().sorted().toList()) {
                if (duplicateOf[c] == -1 && similarity(signatures[c], signatures[d]) >= threshold) {
                    best = c;
                    break;
                }
            }
            duplicateOf[d] = best;
        }
        return duplicateOf;
    }

    /** 128 hashes in 32 bands of 4: candidates from a similarity of about 0.4, found with 97 % probability at 0.6. */
    public static MinHashDeduplicator sensitive() {
        return new MinHashDeduplicator(32, 4, 0.5, 42);
    }

    /** A pair of documents whose estimated similarity reaches a floor: {@code earlier < later}. */
    public record Pair(int earlier, int later, double similarity) {
    }

    /**
     * Every pair of documents that share a whole band of their signatures (the LSH candidates) and whose
     * estimated similarity reaches {@code minSimilarity}, sorted by the later document, then the earlier.
     */
    public List<Pair> candidatePairs(List<long[]> signatures, double minSimilarity) {
        List<Map<Long, List<Integer>>> buckets = new ArrayList<>();
        for (int band = 0; band < bands; band++) {
            buckets.add(new HashMap<>());
        }
        List<Pair> pairs = new ArrayList<>();
        for (int d = 0; d < signatures.size(); d++) {
            long[] signature = signatures.get(d);
            Set<Integer> candidates = new java.util.TreeSet<>();
            for (int band = 0; band < bands; band++) {
                long key = 1125899906842597L;
                for (int r = 0; r < rows; r++) {
                    key = 31 * key + signature[band * rows + r];
                }
                List<Integer> bucket = buckets.get(band).computeIfAbsent(key, k -> new ArrayList<>(1));
                candidates.addAll(bucket);
                bucket.add(d);
            }
            for (int c : candidates) {
                double similarity = similarity(signatures.get(c), signature);
                if (similarity >= minSimilarity) {
                    pairs.add(new Pair(c, d, similarity));
                }
            }
        }
        return pairs;
    }

    /** The fraction of signature positions on which two documents agree: an estimate of their Jaccard similarity. */
    public static double similarity(long[] x, long[] y) {
        int same = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] == y[i]) {
                same++;
            }
        }
        return (double) same / x.length;
    }

    public long[] signature(String text) {
        String[] words = text.toLowerCase().split("\\W+");
        long[] signature = new long[a.length];
        java.util.Arrays.fill(signature, Long.MAX_VALUE);
        for (int i = 0; i + SHINGLE <= Math.max(words.length, SHINGLE); i++) {
            StringBuilder shingle = new StringBuilder();
            for (int j = i; j < Math.min(i + SHINGLE, words.length); j++) {
                shingle.append(words[j]).append(' ');
            }
            long h = fnv(shingle.toString());
            for (int k = 0; k < a.length; k++) {
                long v = (a[k] * h + b[k]) % PRIME;
                if (v < signature[k]) {
                    signature[k] = v;
                }
            }
        }
        return signature;
    }

    private static long fnv(String s) {
        long hash = 0xcbf29ce484222325L;
        for (byte c : s.getBytes(StandardCharsets.UTF_8)) {
            hash ^= c;
            hash *= 0x100000001b3L;
        }
        return hash & PRIME;
    }
}
