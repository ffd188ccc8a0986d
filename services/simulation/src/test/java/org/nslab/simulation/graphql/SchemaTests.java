package org.nslab.simulation.graphql;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.nslab.testing.TestServersResource;

/**
 * The service's GraphQL schema is a contract the gateway and the modules' documents are written against: the served
 * schema must be the committed one ({@code src/test/resources/simulation-schema.graphql}). A change to it is made on
 * purpose: the served schema is written to {@code target/simulation-schema.graphql}, to compare and copy over.
 */
@QuarkusTest
@WithTestResource(TestServersResource.class)
class SchemaTests {

    @Test
    void theServedSchemaIsTheCommittedOne() throws IOException {
        String served = given().get("/graphql/schema.graphql").then().statusCode(200).extract().asString();
        Files.writeString(Path.of("target", "simulation-schema.graphql"), served);
        String committed;
        try (InputStream in = SchemaTests.class.getResourceAsStream("/simulation-schema.graphql")) {
            committed = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(committed, served, "the GraphQL schema changed: compare target/simulation-schema.graphql with the committed one");
    }
}
