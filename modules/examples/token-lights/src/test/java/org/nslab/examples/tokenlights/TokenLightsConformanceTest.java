package org.nslab.examples.tokenlights;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.nslab.sdk.conformance.ModuleConformance;

/** The example module passes the SDK's conformance kit. */
class TokenLightsConformanceTest {

    @TestFactory
    Stream<DynamicTest> conformance() {
        return ModuleConformance.of(Path.of("module.json"), Path.of("web")).dynamicTests();
    }
}
