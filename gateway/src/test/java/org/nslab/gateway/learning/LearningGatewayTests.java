package org.nslab.gateway.learning;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nslab.testing.TestServersResource;
import org.nslab.testing.Tokens;

/**
 * The learning operations of the public endpoint: roles with real Keycloak tokens and guest sessions,
 * proof of the guest identity in a merge, and a clear error when a learning service is down (in the
 * gateway's own tests no learning service runs; the e2e module has the whole stack).
 */
@QuarkusTest
@WithTestResource(TestServersResource.class)
class LearningGatewayTests {

    @Test
    void theSchemaOffersTheLearningOperations() {
        String schema = given().get("/graphql/schema.graphql").then().statusCode(200).extract().asString();
        for (String operation : List.of("  course(", "  quizzes(", "  submitQuizAnswer(", "  quizAttempt(", "  mergeGuestProgress(", "  cohorts",
                "  createCohort(", "  enrolInCohort(", "  learningMetrics(", "  learningMetricsCsv(", "  cohortStatements(", "  progress: LearnerProgress",
                "type Station {", "type QuizQuestion {", "type LearningMetrics {", "input SubmitQuizAnswerInput {")) {
            org.junit.jupiter.api.Assertions.assertTrue(schema.contains(operation), () -> operation + " missing from\n" + schema);
        }
        String question = schema.substring(schema.indexOf("type QuizQuestion {"), schema.indexOf("}", schema.indexOf("type QuizQuestion {")));
        org.junit.jupiter.api.Assertions.assertFalse(question.contains("correctAnswer") || question.contains("explanation"), question);
    }

    @Test
    void anonymousCallersAreRefusedAndLearnersCannotManageCohorts() {
        graphql(given(), "{ course { userErrors { code } } }").body("errors[0].extensions.code", equalTo("unauthorized"));
        RequestSpecification alice = given().auth().oauth2(Tokens.forUser("alice", "alice-demo"));
        graphql(alice, "{ cohorts { id } }").body("errors[0].extensions.code", equalTo("forbidden"));
        graphql(given().auth().oauth2(Tokens.forUser("alice", "alice-demo")),
                "mutation { createCohort(input: {course: \"llm-101\", name: \"x\"}) { userErrors { code } } }")
                .body("errors[0].extensions.code", equalTo("forbidden"));
        String guest = graphql(given(), "mutation { startGuestSession { token } }").extract().path("data.startGuestSession.token");
        graphql(given().header("Authorization", "Guest " + guest), "{ cohorts { id } }").body("errors[0].extensions.code", equalTo("forbidden"));
        graphql(given().header("Authorization", "Guest " + guest),
                "mutation { mergeGuestProgress(input: {guestToken: \"x\"}) { movedEvents } }").body("errors[0].extensions.code", equalTo("forbidden"));
    }

    @Test
    void aMergeNeedsAValidGuestTokenAsProofOfTheGuestIdentity() {
        graphql(given().auth().oauth2(Tokens.forUser("alice", "alice-demo")),
                "mutation { mergeGuestProgress(input: {guestToken: \"forged.token\"}) { movedEvents userErrors { field code } } }")
                .body("data.mergeGuestProgress.userErrors[0].code", equalTo("INVALID_GUEST_TOKEN"))
                .body("data.mergeGuestProgress.userErrors[0].field", equalTo(List.of("input", "guestToken")));
    }

    @Test
    void aLearningServiceThatIsDownGivesAClearErrorNotAStackTrace() {
        graphql(given().auth().oauth2(Tokens.forUser("alice", "alice-demo")), "{ course { course { stations { id } } } }")
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("service-unavailable"))
                .body("errors[0].extensions.service", equalTo("content"))
                .body("errors[0].message", containsString("content service cannot be reached"));
    }

    private static ValidatableResponse graphql(RequestSpecification request, String query) {
        return request.contentType(ContentType.JSON).body(Map.of("query", query)).when().post("/graphql").then().statusCode(200);
    }
}
