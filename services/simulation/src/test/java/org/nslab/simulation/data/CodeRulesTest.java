package org.nslab.simulation.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CodeRulesTest {

    @Test
    void ordinaryCodePassesAndMinifiedOrDataFilesFailWithNamedReasons() {
        String ordinary = "public final class A {\n    int twice(int x) {\n        return 2 * x;\n    }\n}\n";
        assertEquals(List.of(), CodeRules.starCoder().check(CodeRules.measure(ordinary)));
        String minified = "var a=function(b){return b*2};".repeat(50);
        assertEquals(List.of("long-line", "mean-line-length"), CodeRules.starCoder().check(CodeRules.measure(minified)));
        String data = "0x00, 0x01, 0x02, 0x03, 0x04,\n".replace("0x0", "--- ").repeat(10);
        assertEquals(List.of("low-alphanumeric"), CodeRules.starCoder().check(CodeRules.measure(data)));
    }
}
