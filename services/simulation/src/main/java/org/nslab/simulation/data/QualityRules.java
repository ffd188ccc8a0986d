package org.nslab.simulation.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Document quality heuristics in the spirit of Gopher's rules (Rae et al., 2021, Appendix A.1.1):
 * length, mean word length, symbol ratio, alphabetic words, stop words, and repetition of lines and
 * n-grams. Each failed rule is a named reason, so a learner sees why a document was removed.
 *
 * @param minWords            fewer words than this: too short
 * @param maxWords            more words than this: too long
 * @param minMeanWordLength   shorter mean word length: not prose
 * @param maxMeanWordLength   longer mean word length: not prose
 * @param maxSymbolRatio      '#' and '…' per word
 * @param minAlphabeticWords  fraction of words with a letter
 * @param minStopWords        how many of the, be, to, of, and, that, have, with must occur
 * @param maxDuplicateLines   fraction of lines that repeat an earlier line
 * @param maxTopTrigram       fraction of characters covered by the most frequent word trigram
 */
public record QualityRules(int minWords, int maxWords, double minMeanWordLength, double maxMeanWordLength,
                           double maxSymbolRatio, double minAlphabeticWords, int minStopWords, double maxDuplicateLines,
                           double maxTopTrigram) {

    private static final Set<String> STOP_WORDS = Set.of("the", "be", "to", "of", "and", "that", "have", "with");

    /** The thresholds of the Gopher paper. */
    public static QualityRules gopher() {
        return new QualityRules(50, 100_000, 3, 10, 0.1, 0.8, 2, 0.3, 0.18);
    }

    /**
     * What the rules look at, measured once per document: the thresholds compare against these, so a
     * learner's change of a threshold never re-reads a text.
     */
    public record Features(int words, double meanWordLength, double symbolRatio, double alphabeticFraction,
                           int stopWords, double duplicateLineFraction, double topTrigramFraction) {
    }

    /** The reasons a document fails, empty when it passes. */
    public List<String> check(String text) {
        return check(measure(text));
    }

    /** The reasons a document with these features fails, empty when it passes. */
    public List<String> check(Features f) {
        List<String> reasons = new ArrayList<>(2);
        if (f.words() < minWords) {
            reasons.add("too-short");
        }
        if (f.words() > maxWords) {
            reasons.add("too-long");
        }
        if (f.words() == 0) {
            return reasons;
        }
        if (f.meanWordLength() < minMeanWordLength || f.meanWordLength() > maxMeanWordLength) {
            reasons.add("mean-word-length");
        }
        if (f.symbolRatio() > maxSymbolRatio) {
            reasons.add("symbol-ratio");
        }
        if (f.alphabeticFraction() < minAlphabeticWords) {
            reasons.add("non-alphabetic");
        }
        if (f.stopWords() < minStopWords) {
            reasons.add("few-stop-words");
        }
        if (f.duplicateLineFraction() > maxDuplicateLines) {
            reasons.add("duplicate-lines");
        }
        if (f.topTrigramFraction() > maxTopTrigram) {
            reasons.add("repeated-trigram");
        }
        return reasons;
    }

    /** Measures a text for the rules. */
    public static Features measure(String text) {
        String[] words = text.trim().isEmpty() ? new String[0] : text.trim().split("\\s+");
        if (words.length == 0) {
            return new Features(0, 0, 0, 0, 0, 0, 0);
        }
        long letters = 0;
        int alphabetic = 0;
        int symbols = 0;
        Set<String> stopWordsSeen = new HashSet<>();
        for (String word : words) {
            letters += word.length();
            boolean letter = false;
            StringBuilder lower = new StringBuilder(word.length());
            for (int i = 0; i < word.length(); i++) {
                char ch = word.charAt(i);
                if (Character.isLetter(ch)) {
                    letter = true;
                }
                if (ch == '#' || ch == '\u2026') {
                    symbols++;
                }
                char l = Character.toLowerCase(ch);
                if (l >= 'a' && l <= 'z') {
                    lower.append(l);
                }
            }
            if (letter) {
                alphabetic++;
            }
            if (lower.length() <= 4 && STOP_WORDS.contains(lower.toString())) {
                stopWordsSeen.add(lower.toString());
            }
        }
        Set<String> seen = new HashSet<>();
        int duplicate = 0;
        int nonEmpty = 0;
        for (String line : text.split("\n")) {
            String trimmed = line.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            nonEmpty++;
            if (!seen.add(trimmed)) {
                duplicate++;
            }
        }
        return new Features(words.length, (double) letters / words.length, (double) symbols / words.length,
                (double) alphabetic / words.length, stopWordsSeen.size(), nonEmpty == 0 ? 0 : (double) duplicate / nonEmpty,
                words.length >= 3 ? topTrigramFraction(words, letters) : 0);
    }

    /** Characters covered by the most frequent word trigram, over all characters of words. */
    static double topTrigramFraction(String[] words, long letters) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i + 2 < words.length; i++) {
            counts.merge(words[i] + " " + words[i + 1] + " " + words[i + 2], 1, Integer::sum);
        }
        return counts.entrySet().stream()
                .filter(e -> e.getValue() > 1)
                .mapToDouble(e -> (double) e.getValue() * e.getKey().replace(" ", "").length() / letters)
                .max().orElse(0);
    }
}
