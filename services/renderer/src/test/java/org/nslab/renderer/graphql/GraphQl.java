package org.nslab.renderer.graphql;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.nslab.testing.Tokens;

/** GraphQL calls against the renderer with real Keycloak tokens of the demo accounts. */
final class GraphQl {

    static final String ALICE = Tokens.forUser("alice", "alice-demo");
    static final String ERIN = Tokens.forUser("erin", "erin-demo");
    static final String BOB = Tokens.forUser("bob", "bob-demo");
    static final String DAVE = Tokens.forUser("dave", "dave-demo");

    static final String JOB_FIELDS = "id state format width height queuePosition framesDone framesTotal progress resultUrl bytes error";

    private GraphQl() {
    }

    static JsonPath call(String token, String query, Map<String, Object> variables) {
        RequestSpecification request = given().contentType("application/json");
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        return request.body(Map.of("query", query, "variables", variables)).when().post("/graphql")
                .then().statusCode(200).extract().jsonPath();
    }

    static JsonPath requestRender(String token, Map<String, Object> input) {
        return call(token, "mutation($input: RequestRenderInput!) { requestRender(input: $input) { job { " + JOB_FIELDS
                + " } userErrors { field message } } }", Map.of("input", input));
    }

    static JsonPath job(String token, String id) {
        return call(token, "query($id: ID!) { renderJob(id: $id) { " + JOB_FIELDS + " } }", Map.of("id", id));
    }
}
