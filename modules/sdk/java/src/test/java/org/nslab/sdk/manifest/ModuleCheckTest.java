package org.nslab.sdk.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ModuleCheckTest {

    @Test
    void everyDiagnosticOfTheDocumentChecksIsNamedByADocumentCheck() {
        Set<String> document = Arrays.stream(ModuleCheck.values()).filter(c -> c.runsIn(ModuleCheck.Stage.DOCUMENT))
                .map(ModuleCheck::id).collect(Collectors.toSet());
        assertEquals(Set.of("json", "schema", "semver", "platform-range"), document);
        for (String json : new String[] {"not json", "{}", "{\"version\": \"one\", \"platform\": \"~~\"}"}) {
            for (Diagnostic d : Manifests.check(json, SemVer.of(0, 1, 0)).diagnostics()) {
                assertTrue(document.contains(d.check()), d.toString());
            }
        }
    }

    @Test
    void namesAreUniqueAndFoundAgainByTheirSpelling() {
        assertEquals(ModuleCheck.values().length, Arrays.stream(ModuleCheck.values()).map(ModuleCheck::id).distinct().count());
        for (ModuleCheck c : ModuleCheck.values()) {
            assertEquals(c, ModuleCheck.byId(c.id()).orElseThrow());
        }
        assertTrue(ModuleCheck.OPERATIONS.runsIn(ModuleCheck.Stage.REGISTRY) && ModuleCheck.OPERATIONS.runsIn(ModuleCheck.Stage.CONFORMANCE));
    }
}
