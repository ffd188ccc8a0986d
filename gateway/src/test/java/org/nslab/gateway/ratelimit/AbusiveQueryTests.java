package org.nslab.gateway.ratelimit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.nslab.testing.TestServersResource;

/** Queries built to cost the gateway a lot are refused before anything runs, with a clear error. */
@QuarkusTest
@WithTestResource(TestServersResource.class)
class AbusiveQueryTests {

    @Test
    void anAliasFloodOverTheComplexityLimitIsRefused() {
        String query = IntStream.range(0, 300).mapToObj(i -> "c" + i + ": moduleCatalogue { level }")
                .collect(Collectors.joining(" ", "{ ", " }"));
        given().contentType(ContentType.JSON).body(Map.of("query", query)).post("/graphql").then().statusCode(200)
                .body("data", nullValue())
                .body("errors[0].message", containsString("complexity"));
    }

    @Test
    void aQueryWithMoreParserTokensThanAllowedIsRefused() {
        // 20,000 tokens in 40 KB (under the body limit): the parser stops at its token limit, before validation.
        String query = "{ " + "a ".repeat(20_000) + "}";
        given().contentType(ContentType.JSON).body(Map.of("query", query)).post("/graphql").then().statusCode(200)
                .body("data", nullValue())
                .body("errors[0].message", equalTo("Unparseable input document"));
    }

    @Test
    void deeplyNestedFragmentsCannotHideDepth() {
        StringBuilder fragments = new StringBuilder();
        for (int i = 0; i < 15; i++) {
            fragments.append("fragment f").append(i).append(" on __Type { ofType { ...f").append(i + 1).append(" } } ");
        }
        fragments.append("fragment f15 on __Type { name }");
        String query = "{ __schema { types { ...f0 } } } " + fragments;
        given().contentType(ContentType.JSON).body(Map.of("query", query)).post("/graphql").then().statusCode(200)
                .body("data", nullValue())
                .body("errors[0].message", containsString("depth"));
    }
}
