package org.nslab.gateway.ratelimit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nslab.testing.TestServersResource;
import org.nslab.testing.Tokens;

/** Low limits in their own profile: 5 requests per user and 12 per address in an hour (so nothing refills during the test). */
@QuarkusTest
@TestProfile(RateLimitTests.LowLimits.class)
@WithTestResource(TestServersResource.class)
class RateLimitTests {

    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("nslab.rate-limit.per-user", "5", "nslab.rate-limit.per-address", "12", "nslab.rate-limit.window", "1h");
        }
    }

    private static final String VIEWER = "{\"query\":\"{ viewer { id } }\"}";

    @Test
    void aUserOverTheirLimitGets429WithAClearErrorWhileAnotherUserAndThenTheAddressLimitFollow() {
        String alice = Tokens.forUser("alice", "alice-demo");
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(alice).contentType(ContentType.JSON).body(VIEWER).post("/graphql").then().statusCode(200)
                    .body("errors", nullValue());
        }
        given().auth().oauth2(alice).contentType(ContentType.JSON).body(VIEWER).post("/graphql").then()
                .statusCode(429)
                .header("Retry-After", matchesPattern("[67][0-9][0-9]"))
                .body("errors[0].extensions.code", equalTo("rate-limited"))
                .body("errors[0].message", containsString("Too many requests from this user: at most 5 per 3600 s"));

        String bob = Tokens.forUser("bob", "bob-demo");
        given().auth().oauth2(bob).contentType(ContentType.JSON).body(VIEWER).post("/graphql").then().statusCode(200);

        // 7 requests so far from 127.0.0.1 (the refused one counts too); anonymous callers share the address limit.
        for (int i = 0; i < 5; i++) {
            given().contentType(ContentType.JSON).body("{\"query\":\"{ moduleCatalogue { level } }\"}").post("/graphql").then().statusCode(200);
        }
        given().contentType(ContentType.JSON).body("{\"query\":\"{ moduleCatalogue { level } }\"}").post("/graphql").then()
                .statusCode(429)
                .body("errors[0].message", containsString("Too many requests from this address: at most 12 per 3600 s"));
    }
}
