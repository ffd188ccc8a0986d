package org.nslab.simulation.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    @Test
    void compatibilityFormsAreFoldedAndWhitespaceIsTidied() {
        assertEquals("efficient ABC 12", TextNormalizer.normalize("e\uFB03cient \uFF21\uFF22\uFF23 \uFF11\uFF12"));
        assertEquals("a b\nc\n\nd", TextNormalizer.normalize("  a \t\u00A0b  \r\n  c\n\n\n\n\nd\u0007 "));
        assertEquals("zero width", TextNormalizer.normalize("zero\u200B width\uFEFF"));
    }
}
