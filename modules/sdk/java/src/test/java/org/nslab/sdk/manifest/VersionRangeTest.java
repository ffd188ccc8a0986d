package org.nslab.sdk.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionRangeTest {

    @Test
    void semanticVersionsOrderByPrecedenceAsSemverOrgDefines() {
        List<String> ordered = List.of("1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2",
                "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.1.0", "2.0.0");
        for (int i = 1; i < ordered.size(); i++) {
            SemVer lower = SemVer.parse(ordered.get(i - 1)).orElseThrow();
            SemVer higher = SemVer.parse(ordered.get(i)).orElseThrow();
            assertTrue(lower.compareTo(higher) < 0, lower + " < " + higher);
        }
        assertEquals(0, SemVer.parse("1.0.0+a").orElseThrow().compareTo(SemVer.parse("1.0.0+b").orElseThrow()));
    }

    @Test
    void textsThatAreNotSemanticVersionsAreRefused() {
        for (String bad : List.of("1", "1.2", "01.2.3", "1.2.3-", "v1.2.3", "1.2.3-01", "1.2.3.4", "", "latest")) {
            assertTrue(SemVer.parse(bad).isEmpty(), bad);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            ">=0.1.0 <1.0.0 ; 0.1.0 ; true", ">=0.1.0 <1.0.0 ; 0.9.9 ; true", ">=0.1.0 <1.0.0 ; 1.0.0 ; false",
            ">=0.1.0 <1.0.0 ; 0.0.9 ; false", "^0.1 ; 0.1.7 ; true", "^0.1 ; 0.2.0 ; false", "^1.2.3 ; 1.9.0 ; true",
            "^1.2.3 ; 2.0.0 ; false", "^1.2.3 ; 1.2.2 ; false", "^0.0.3 ; 0.0.3 ; true", "^0.0.3 ; 0.0.4 ; false",
            "~1.2.3 ; 1.2.9 ; true", "~1.2.3 ; 1.3.0 ; false", "~1 ; 1.9.0 ; true", "1.x ; 1.4.2 ; true", "1.x ; 2.0.0 ; false",
            "* ; 7.0.0 ; true", "1.2.3 ; 1.2.3 ; true", "1.2.3 ; 1.2.4 ; false", "=1.2.3 ; 1.2.3 ; true",
            ">1.2 ; 1.2.9 ; false", ">1.2 ; 1.3.0 ; true", "<=1.2 ; 1.2.9 ; true", "<=1.2 ; 1.3.0 ; false",
            "<2 ; 1.99.0 ; true", "<2 ; 2.0.0 ; false", ">=2.0.0 || <0.2.0 ; 0.1.0 ; true", ">=2.0.0 || <0.2.0 ; 1.0.0 ; false",
            ">= 0.1.0 ; 0.1.0 ; true"})
    void rangesAdmitExactlyTheVersionsTheySay(String range, String version, boolean admitted) {
        assertEquals(admitted, VersionRange.parse(range).contains(SemVer.parse(version).orElseThrow()));
    }

    @Test
    void malformedRangesSayWhichPartIsNotUnderstood() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VersionRange.parse(">=1.0.0 banana"));
        assertTrue(e.getMessage().contains("'banana'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> VersionRange.parse("1.0.0 ||"));
        assertThrows(IllegalArgumentException.class, () -> VersionRange.parse(""));
        assertFalse(VersionRange.parse("^1").contains(SemVer.of(0, 9, 0)));
    }
}
