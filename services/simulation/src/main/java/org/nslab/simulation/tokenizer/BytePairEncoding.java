package org.nslab.simulation.tokenizer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Byte-level byte-pair encoding (Sennrich et al., 2016; byte-level as in GPT-2). Ids 0–255 are the
 * bytes; every merge adds one id. Text is first split into chunks (words with their leading space,
 * numbers, punctuation runs, whitespace) that merges never cross, as GPT-2 does.
 *
 * <p>Training is deterministic: the most frequent pair wins, ties go to the smaller pair of ids.
 */
public final class BytePairEncoding {

    /** GPT-2's pre-tokenization pattern, in Java regex syntax. */
    private static final Pattern CHUNKS = Pattern.compile(
            "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+");

    /** One merge: {@code left} and {@code right} become {@code id}. */
    public record Merge(int left, int right, int id) {
    }

    /** One step of {@link #replay}: the merge applied and the tokens after it. */
    public record ReplayStep(Merge merge, List<Integer> tokens) {
    }

    private final List<Merge> merges;
    private final byte[][] vocabulary;
    private final Map<Long, Merge> byPair = new HashMap<>();
    private final Map<String, int[]> cache = new ConcurrentHashMap<>();

    private BytePairEncoding(List<Merge> merges) {
        this.merges = List.copyOf(merges);
        this.vocabulary = new byte[256 + merges.size()][];
        for (int b = 0; b < 256; b++) {
            vocabulary[b] = new byte[] {(byte) b};
        }
        for (Merge merge : merges) {
            byte[] left = vocabulary[merge.left()];
            byte[] right = vocabulary[merge.right()];
            byte[] joined = Arrays.copyOf(left, left.length + right.length);
            System.arraycopy(right, 0, joined, left.length, right.length);
            vocabulary[merge.id()] = joined;
            byPair.put(pair(merge.left(), merge.right()), merge);
        }
    }

    /** A tokenizer from merges saved earlier ({@link #merges()}). */
    public static BytePairEncoding fromMerges(List<Merge> merges) {
        for (int i = 0; i < merges.size(); i++) {
            Merge m = merges.get(i);
            if (m.id() != 256 + i || m.left() >= m.id() || m.right() >= m.id() || m.left() < 0 || m.right() < 0) {
                throw new IllegalArgumentException("merge " + i + " is not a valid merge: " + m);
            }
        }
        return new BytePairEncoding(merges);
    }

    /**
     * Learns merges on {@code text} until the vocabulary has {@code vocabularySize} entries (at least
     * 256), or earlier when no pair of tokens occurs twice any more.
     */
    public static BytePairEncoding train(String text, int vocabularySize) {
        if (vocabularySize < 256 || vocabularySize > 65_536) {
            throw new IllegalArgumentException("vocabularySize must be between 256 and 65536, got " + vocabularySize);
        }
        // Unique chunks with their counts, each as a mutable sequence of ids.
        Map<String, Integer> counts = new LinkedHashMap<>();
        Matcher matcher = CHUNKS.matcher(text);
        while (matcher.find()) {
            counts.merge(matcher.group(), 1, Integer::sum);
        }
        int n = counts.size();
        int[][] words = new int[n][];
        int[] lengths = new int[n];
        int[] weights = new int[n];
        int w = 0;
        for (Map.Entry<String, Integer> entry : counts.entrySet()) {
            byte[] bytes = entry.getKey().getBytes(StandardCharsets.UTF_8);
            words[w] = new int[bytes.length];
            for (int i = 0; i < bytes.length; i++) {
                words[w][i] = bytes[i] & 0xff;
            }
            lengths[w] = bytes.length;
            weights[w] = entry.getValue();
            w++;
        }

        Map<Long, Long> pairCounts = new HashMap<>();
        Map<Long, Set<Integer>> where = new HashMap<>();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j + 1 < lengths[i]; j++) {
                long p = pair(words[i][j], words[i][j + 1]);
                pairCounts.merge(p, (long) weights[i], Long::sum);
                where.computeIfAbsent(p, k -> new HashSet<>()).add(i);
            }
        }
        // Highest count first, then the smaller pair; stale entries are skipped when popped.
        PriorityQueue<long[]> queue = new PriorityQueue<>((a, b) -> a[0] != b[0] ? Long.compare(b[0], a[0]) : Long.compare(a[1], b[1]));
        pairCounts.forEach((p, c) -> queue.add(new long[] {c, p}));

        List<Merge> merges = new ArrayList<>();
        while (256 + merges.size() < vocabularySize && !queue.isEmpty()) {
            long[] top = queue.poll();
            long p = top[1];
            Long current = pairCounts.get(p);
            if (current == null || current != top[0]) {
                continue;
            }
            if (current < 2) {
                break;
            }
            int left = (int) (p >>> 32);
            int right = (int) p;
            int id = 256 + merges.size();
            merges.add(new Merge(left, right, id));
            Map<Long, Long> changed = new HashMap<>();
            for (int i : where.getOrDefault(p, Set.of()).stream().sorted().toList()) {
                int[] word = words[i];
                int length = lengths[i];
                // remove the word's pair counts, merge, add them back
                for (int j = 0; j + 1 < length; j++) {
                    long q = pair(word[j], word[j + 1]);
                    changed.merge(q, (long) -weights[i], Long::sum);
                }
                int out = 0;
                for (int j = 0; j < length; j++) {
                    if (j + 1 < length && word[j] == left && word[j + 1] == right) {
                        word[out++] = id;
                        j++;
                    } else {
                        word[out++] = word[j];
                    }
                }
                lengths[i] = out;
                for (int j = 0; j + 1 < out; j++) {
                    long q = pair(word[j], word[j + 1]);
                    changed.merge(q, (long) weights[i], Long::sum);
                    where.computeIfAbsent(q, k -> new HashSet<>()).add(i);
                }
            }
            where.remove(p);
            for (Map.Entry<Long, Long> change : changed.entrySet()) {
                if (change.getValue() == 0) {
                    continue;
                }
                long updated = pairCounts.getOrDefault(change.getKey(), 0L) + change.getValue();
                if (updated <= 0) {
                    pairCounts.remove(change.getKey());
                } else {
                    pairCounts.put(change.getKey(), updated);
                    queue.add(new long[] {updated, change.getKey()});
                }
            }
            pairCounts.remove(p);
        }
        return new BytePairEncoding(merges);
    }

    public int vocabularySize() {
        return vocabulary.length;
    }

    public List<Merge> merges() {
        return merges;
    }

    /** The bytes a token stands for. */
    public byte[] bytes(int token) {
        return vocabulary[token].clone();
    }

    /** The token as text (invalid UTF-8 sequences, such as half a character, show as U+FFFD). */
    public String text(int token) {
        return new String(vocabulary[token], StandardCharsets.UTF_8);
    }

    public int[] encode(String text) {
        List<int[]> parts = new ArrayList<>();
        int total = 0;
        Matcher matcher = CHUNKS.matcher(text);
        while (matcher.find()) {
            int[] ids = cache.computeIfAbsent(matcher.group(), this::encodeChunk);
            parts.add(ids);
            total += ids.length;
        }
        int[] out = new int[total];
        int at = 0;
        for (int[] ids : parts) {
            System.arraycopy(ids, 0, out, at, ids.length);
            at += ids.length;
        }
        return out;
    }

    public String decode(int[] tokens) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int token : tokens) {
            if (token < 0 || token >= vocabulary.length) {
                throw new IllegalArgumentException("token " + token + " outside the vocabulary of " + vocabulary.length);
            }
            out.writeBytes(vocabulary[token]);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * The encoding of {@code text} merge by merge, from raw bytes: each step applies the earliest
     * learned merge present anywhere in the text (Level 2 animates these steps).
     */
    public List<ReplayStep> replay(String text) {
        List<int[]> chunks = new ArrayList<>();
        Matcher matcher = CHUNKS.matcher(text);
        while (matcher.find()) {
            chunks.add(toBytes(matcher.group()));
        }
        List<ReplayStep> steps = new ArrayList<>();
        while (true) {
            Merge best = null;
            for (int[] chunk : chunks) {
                Merge m = lowestMerge(chunk);
                if (m != null && (best == null || m.id() < best.id())) {
                    best = m;
                }
            }
            if (best == null) {
                return steps;
            }
            List<Integer> tokens = new ArrayList<>();
            for (int i = 0; i < chunks.size(); i++) {
                chunks.set(i, apply(chunks.get(i), best));
                for (int id : chunks.get(i)) {
                    tokens.add(id);
                }
            }
            steps.add(new ReplayStep(best, List.copyOf(tokens)));
        }
    }

    private int[] encodeChunk(String chunk) {
        int[] ids = toBytes(chunk);
        while (ids.length > 1) {
            Merge m = lowestMerge(ids);
            if (m == null) {
                break;
            }
            ids = apply(ids, m);
        }
        return ids;
    }

    private Merge lowestMerge(int[] ids) {
        Merge best = null;
        for (int j = 0; j + 1 < ids.length; j++) {
            Merge m = byPair.get(pair(ids[j], ids[j + 1]));
            if (m != null && (best == null || m.id() < best.id())) {
                best = m;
            }
        }
        return best;
    }

    private static int[] apply(int[] ids, Merge m) {
        int[] out = new int[ids.length];
        int n = 0;
        for (int j = 0; j < ids.length; j++) {
            if (j + 1 < ids.length && ids[j] == m.left() && ids[j + 1] == m.right()) {
                out[n++] = m.id();
                j++;
            } else {
                out[n++] = ids[j];
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static int[] toBytes(String chunk) {
        byte[] bytes = chunk.getBytes(StandardCharsets.UTF_8);
        int[] ids = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            ids[i] = bytes[i] & 0xff;
        }
        return ids;
    }

    private static long pair(int left, int right) {
        return ((long) left << 32) | (right & 0xffffffffL);
    }
}
