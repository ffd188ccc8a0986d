package org.nslab.gateway.registry;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.nslab.gateway.repository.ModuleEntity;
import org.nslab.sdk.manifest.Manifests;
import org.nslab.sdk.registration.ModuleRegistrar;
import org.nslab.sdk.registration.RegistrationListener;
import org.nslab.sdk.registration.RegistrationResult;
import org.nslab.testing.TestServers;
import org.nslab.testing.TestServersResource;

/** The SDK's registration client against the real gateway, Keycloak and module client credentials. */
@QuarkusTest
@WithTestResource(TestServersResource.class)
class ModuleRegistrarAgainstGatewayTests {

    @TestHTTPResource("/graphql")
    URL graphql;

    @Test
    void theSdkClientRegistersWithItsClientCredentialsAndRegistersAgainWhenTheRegistryLostIt() throws Exception {
        try (TestModuleServer server = TestModuleServer.start()) {
            String id = "sdk-" + Long.toHexString(System.nanoTime());
            String json = ModuleRegistryTests.manifestFor(server, "valid.json", id, "1.0.0");
            List<RegistrationResult> results = new CopyOnWriteArrayList<>();
            try (ModuleRegistrar registrar = ModuleRegistrar.builder()
                    .gateway(graphql.toURI())
                    .keycloakRealm(URI.create(TestServers.issuer()))
                    .clientCredentials("module-playground", "dev-only-module-playground-secret")
                    .manifest(Manifests.parse(json))
                    .heartbeat(Duration.ofMillis(700))
                    .listener(new RegistrationListener() {
                        @Override
                        public void registered(RegistrationResult result) {
                            results.add(result);
                        }
                    })
                    .build()) {
                registrar.start();
                await().atMost(Duration.ofSeconds(20)).until(() -> results.size() >= 2);
                assertEquals("REGISTERED", results.get(0).outcome(), results.toString());
                assertEquals("ACTIVE", results.get(0).status());
                assertEquals("UNCHANGED", results.get(1).outcome(), "a heartbeat changes nothing");

                // The registry loses the module (a gateway restarted on an empty database): the heartbeat brings it back.
                QuarkusTransaction.requiringNew().run(() -> ModuleEntity.deleteById(id));
                int before = results.size();
                await().atMost(Duration.ofSeconds(20)).until(() -> results.subList(before, results.size()).stream()
                        .anyMatch(r -> r.outcome().equals("REGISTERED")));
                assertTrue(QuarkusTransaction.requiringNew().call(() -> ModuleEntity.findById(id) != null));
            }
        }
    }

    @Test
    void wrongClientCredentialsAreReportedAndRetriedNotSilentlyIgnored() throws Exception {
        List<Exception> failures = new CopyOnWriteArrayList<>();
        try (ModuleRegistrar registrar = ModuleRegistrar.builder()
                .gateway(graphql.toURI())
                .keycloakRealm(URI.create(TestServers.issuer()))
                .clientCredentials("module-playground", "wrong-secret")
                .manifest(Manifests.parse(ModuleRegistryTests.manifestFor(null, "valid.json", "sdk-wrong", "1.0.0")))
                .backoff(Duration.ofMillis(100), Duration.ofMillis(200))
                .listener(new RegistrationListener() {
                    @Override
                    public void failed(Exception cause, long retryInMillis) {
                        failures.add(cause);
                    }
                })
                .build()) {
            registrar.start();
            await().atMost(Duration.ofSeconds(20)).until(() -> failures.size() >= 2);
            assertTrue(failures.get(0).getMessage().contains("Keycloak refused client 'module-playground'"), failures.get(0).getMessage());
        }
    }
}
