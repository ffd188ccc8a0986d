package org.nslab.renderer;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.nslab.testing.ServiceBasicsContract;
import org.nslab.testing.TestServersResource;

@QuarkusTest
@WithTestResource(TestServersResource.class)
class RendererServiceTests extends ServiceBasicsContract {

    @Override
    protected String[] readinessChecks() {
        return new String[] {"render queue"};
    }
}
