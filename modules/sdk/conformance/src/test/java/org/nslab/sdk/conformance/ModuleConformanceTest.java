package org.nslab.sdk.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.nslab.sdk.manifest.ModuleCheck;

/** The kit must fail a module that breaks its rules, each with the check that names the rule. */
class ModuleConformanceTest {

    @Test
    void aModuleThatBreaksEveryRuleFailsEachNamedCheckWithAnActionableMessage() throws URISyntaxException {
        Path dir = Path.of(getClass().getResource("/broken/module.json").toURI()).getParent();
        List<ModuleConformance.Check> checks = ModuleConformance.of(dir.resolve("module.json"), dir).run();
        Map<String, ModuleConformance.Check> byName = checks.stream().collect(Collectors.toMap(ModuleConformance.Check::name, c -> c));

        assertEquals(Arrays.stream(ModuleCheck.values()).filter(c -> c.runsIn(ModuleCheck.Stage.CONFORMANCE))
                .map(ModuleCheck::id).collect(Collectors.toSet()), byName.keySet(), "the kit reports the SDK's conformance checks, by their names");
        assertTrue(byName.get("manifest").passed(), checks.toString());
        assertTrue(byName.get("entry-integrity").passed(), checks.toString());
        assertTrue(byName.get("loads").passed(), checks.toString());
        assertEquals(false, byName.get("mount-unmount").passed(), checks.toString());
        assertTrue(byName.get("mount-unmount").detail().contains("left in the element"));
        assertEquals(false, byName.get("webgl-contexts").passed());
        assertTrue(byName.get("webgl-contexts").detail().startsWith("1 of 1"), byName.get("webgl-contexts").detail());
        assertEquals(false, byName.get("events").passed());
        assertTrue(byName.get("events").detail().contains("CLICKED"), byName.get("events").detail());
        assertEquals(false, byName.get("operations").passed());
        assertTrue(byName.get("operations").detail().contains("DropTables"));
        assertEquals(false, byName.get("accessibility").passed());
        assertTrue(byName.get("accessibility").detail().contains("image-alt"), byName.get("accessibility").detail());
    }
}
