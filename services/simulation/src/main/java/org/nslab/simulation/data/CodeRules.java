package org.nslab.simulation.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Quality rules for source code, where prose rules (stop words, mean word length) do not apply: the
 * filters of the Codex and StarCoder data (Chen et al., 2021, Section 3.1; Li et al., 2023, Section
 * 3.3) against minified, generated and data files.
 *
 * @param maxLineLength      a longer line: likely minified or generated
 * @param maxMeanLineLength  a longer mean line: likely minified or generated
 * @param minAlphanumeric    a lower fraction of letters and digits: likely data, not code
 */
public record CodeRules(int maxLineLength, double maxMeanLineLength, double minAlphanumeric) {

    /** What the rules look at, measured once per file. */
    public record Features(int maxLineLength, double meanLineLength, double alphanumericFraction) {
    }

    /** The thresholds of the StarCoder data (1000, 100, 0.25). */
    public static CodeRules starCoder() {
        return new CodeRules(1000, 100, 0.25);
    }

    public List<String> check(Features f) {
        List<String> reasons = new ArrayList<>(1);
        if (f.maxLineLength() > maxLineLength) {
            reasons.add("long-line");
        }
        if (f.meanLineLength() > maxMeanLineLength) {
            reasons.add("mean-line-length");
        }
        if (f.alphanumericFraction() < minAlphanumeric) {
            reasons.add("low-alphanumeric");
        }
        return reasons;
    }

    public static Features measure(String code) {
        int longest = 0;
        long total = 0;
        int lines = 0;
        for (String line : code.split("\n", -1)) {
            longest = Math.max(longest, line.length());
            total += line.length();
            lines++;
        }
        long alphanumeric = code.chars().filter(Character::isLetterOrDigit).count();
        return new Features(longest, lines == 0 ? 0 : (double) total / lines,
                code.isEmpty() ? 0 : (double) alphanumeric / code.length());
    }
}
