package org.nslab.renderer.graphql;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nslab.testing.Tokens;

/**
 * GraphQL calls against the renderer as the gateway makes them: the gateway's service account (a real Keycloak token)
 * and the verified viewer in the input.
 */
final class GraphQl {

    static final String SERVICE = Tokens.forClient("nslab-gateway", "dev-only-gateway-secret");

    static final Map<String, Object> ALICE = viewer("demo-university/alice", "learner");
    static final Map<String, Object> ERIN = viewer("other-college/erin", "learner");
    static final Map<String, Object> BOB = viewer("demo-university/bob", "instructor");
    static final Map<String, Object> CAROL = viewer("demo-university/carol", "admin");
    static final Map<String, Object> DAVE = viewer("demo-university/dave", "module-author");

    static final String JOB_FIELDS = "id state format width height queuePosition framesDone framesTotal progress resultPath bytes error";

    private GraphQl() {
    }

    static Map<String, Object> viewer(String actorKey, String role) {
        return Map.of("actorKey", actorKey, "tenant", actorKey.substring(0, actorKey.indexOf('/')), "roles", List.of(role));
    }

    static JsonPath call(String token, String query, Map<String, Object> variables) {
        RequestSpecification request = given().contentType("application/json");
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        return request.body(Map.of("query", query, "variables", variables)).when().post("/graphql")
                .then().statusCode(200).extract().jsonPath();
    }

    static JsonPath requestRender(Map<String, Object> viewer, Map<String, Object> input) {
        return requestRender(SERVICE, viewer, input);
    }

    static JsonPath requestRender(String token, Map<String, Object> viewer, Map<String, Object> input) {
        Map<String, Object> withViewer = new HashMap<>(input);
        withViewer.put("viewer", viewer);
        return call(token, "mutation($input: RequestRenderInput!) { requestRender(input: $input) { job { " + JOB_FIELDS
                + " } userErrors { field message code } } }", Map.of("input", withViewer));
    }

    static JsonPath job(Map<String, Object> viewer, String id) {
        return call(SERVICE, "query($input: RenderJobInput!) { renderJob(input: $input) { " + JOB_FIELDS + " } }",
                Map.of("input", Map.of("viewer", viewer, "id", id)));
    }

    static JsonPath myJobs(Map<String, Object> viewer) {
        return call(SERVICE, "query($input: MyRenderJobsInput!) { myRenderJobs(input: $input) { id state } }",
                Map.of("input", Map.of("viewer", viewer)));
    }

    static JsonPath cancel(Map<String, Object> viewer, String id) {
        return call(SERVICE, "mutation($input: RenderJobInput!) { cancelRender(input: $input) { job { state error } userErrors { field message code } } }",
                Map.of("input", Map.of("viewer", viewer, "id", id)));
    }
}
