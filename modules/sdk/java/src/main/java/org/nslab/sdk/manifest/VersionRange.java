package org.nslab.sdk.manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A range of semantic versions in the notation npm made common: comparators ({@code >=1.2.0}, {@code <2},
 * {@code =1.0.0}, a bare version), caret ({@code ^0.1.2}) and tilde ({@code ~1.2}) ranges and x-ranges
 * ({@code 1.x}, {@code *}), joined by spaces (all must hold) and {@code ||} (any set may hold).
 * Pre-releases compare by semver precedence only (npm's rule that excludes them is not applied).
 */
public final class VersionRange {

    private static final Pattern COMPARATOR = Pattern.compile(
            "^(>=|<=|>|<|=|\\^|~)?v?(\\*|x|X|0|[1-9]\\d{0,8})(?:\\.(\\*|x|X|0|[1-9]\\d{0,8}))?(?:\\.(\\*|x|X|0|[1-9]\\d{0,8}))?"
                    + "(?:-([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?$");

    private enum Op { GE, GT, LE, LT, EQ }

    private record Bound(Op op, SemVer version) {
        boolean test(SemVer v) {
            int c = v.compareTo(version);
            return switch (op) {
                case GE -> c >= 0;
                case GT -> c > 0;
                case LE -> c <= 0;
                case LT -> c < 0;
                case EQ -> c == 0;
            };
        }
    }

    private final String text;
    private final List<List<Bound>> sets;

    private VersionRange(String text, List<List<Bound>> sets) {
        this.text = text;
        this.sets = sets;
    }

    /** @throws IllegalArgumentException with a message saying which part is not understood */
    public static VersionRange parse(String text) {
        if (text == null || text.isBlank() || text.length() > 200) {
            throw new IllegalArgumentException("a version range must be 1 to 200 characters");
        }
        List<List<Bound>> sets = new ArrayList<>();
        for (String set : text.split("\\|\\|", -1)) {
            List<Bound> bounds = new ArrayList<>();
            String normalized = set.trim().replaceAll("(>=|<=|>|<|=|\\^|~)\\s+", "$1");
            if (normalized.isEmpty()) {
                throw new IllegalArgumentException("empty alternative in '" + text + "'");
            }
            for (String comparator : normalized.split("\\s+")) {
                bounds.addAll(bounds(comparator, text));
            }
            sets.add(List.copyOf(bounds));
        }
        return new VersionRange(text.trim(), List.copyOf(sets));
    }

    public boolean contains(SemVer version) {
        return sets.stream().anyMatch(set -> set.stream().allMatch(b -> b.test(version)));
    }

    @Override
    public String toString() {
        return text;
    }

    private static List<Bound> bounds(String comparator, String whole) {
        Matcher m = COMPARATOR.matcher(comparator);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + comparator + "' in '" + whole + "' is not a version comparator");
        }
        String op = m.group(1) == null ? "" : m.group(1);
        Integer major = number(m.group(2));
        Integer minor = major == null ? null : number(m.group(3));
        Integer patch = minor == null ? null : number(m.group(4));
        List<String> pre = m.group(5) == null || patch == null ? List.of() : List.of(m.group(5).split("\\."));
        if (major == null) {
            return List.of(); // *, x: any version
        }
        SemVer low = new SemVer(major, minor == null ? 0 : minor, patch == null ? 0 : patch, pre, null);
        boolean partial = patch == null;
        switch (op) {
            case "^" -> {
                SemVer upper;
                if (major > 0 || minor == null) upper = SemVer.of(major + 1, 0, 0);
                else if (minor > 0 || patch == null) upper = SemVer.of(0, minor + 1, 0);
                else upper = SemVer.of(0, 0, patch + 1);
                return List.of(new Bound(Op.GE, low), new Bound(Op.LT, upper.lowest()));
            }
            case "~" -> {
                SemVer upper = minor == null ? SemVer.of(major + 1, 0, 0) : SemVer.of(major, minor + 1, 0);
                return List.of(new Bound(Op.GE, low), new Bound(Op.LT, upper.lowest()));
            }
            case ">=" -> {
                return List.of(new Bound(Op.GE, low));
            }
            case ">" -> {
                return List.of(partial ? new Bound(Op.GE, next(major, minor).lowest()) : new Bound(Op.GT, low));
            }
            case "<" -> {
                return List.of(new Bound(Op.LT, partial ? low.lowest() : low));
            }
            case "<=" -> {
                return List.of(partial ? new Bound(Op.LT, next(major, minor).lowest()) : new Bound(Op.LE, low));
            }
            default -> { // "=" or bare
                if (!partial) return List.of(new Bound(Op.EQ, low));
                return List.of(new Bound(Op.GE, low), new Bound(Op.LT, next(major, minor).lowest()));
            }
        }
    }

    private static SemVer next(int major, Integer minor) {
        return minor == null ? SemVer.of(major + 1, 0, 0) : SemVer.of(major, minor + 1, 0);
    }

    private static Integer number(String part) {
        if (part == null || part.equals("*") || part.equalsIgnoreCase("x")) return null;
        return Integer.parseInt(part);
    }
}
