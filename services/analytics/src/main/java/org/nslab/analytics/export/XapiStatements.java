package org.nslab.analytics.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Map;
import org.nslab.events.ActorKey;

/**
 * Turns the platform's stored statements into xAPI 1.0.3 statements for a learning record store:
 * the actor as an account on the institution's home page, verbs with their ADL IRIs and an en-US
 * display, activities as IRIs under the platform's base URL with an ADL activity type, durations in
 * ISO 8601. Pure.
 */
public final class XapiStatements {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> ACTIVITY_TYPES = Map.of(
            "LEVEL", "http://adlnet.gov/expapi/activities/module",
            "MODULE", "http://adlnet.gov/expapi/activities/module",
            "STAGE", "http://adlnet.gov/expapi/activities/lesson",
            "COMPONENT", "http://adlnet.gov/expapi/activities/lesson",
            "CHAPTER", "http://adlnet.gov/expapi/activities/media",
            "EXPERIMENT", "http://adlnet.gov/expapi/activities/simulation",
            "QUIZ", "http://adlnet.gov/expapi/activities/assessment",
            "QUESTION", "http://adlnet.gov/expapi/activities/cmi.interaction",
            "VIEW", "http://adlnet.gov/expapi/activities/media");

    private XapiStatements() {
    }

    /**
     * @param eventId   the event id, which is the statement id
     * @param actorKey  {@code tenant/actorId} as stored (after a guest merge: the account)
     * @param statement the {@code statement} of a stored event payload
     * @param baseUrl   the platform's public base URL, e.g. {@code https://nslab.example.org}
     */
    public static ObjectNode toXapi(String eventId, ActorKey actorKey, JsonNode statement, String baseUrl) {
        ObjectNode x = JSON.createObjectNode();
        x.put("id", eventId);
        ObjectNode actor = x.putObject("actor");
        actor.put("objectType", "Agent");
        ObjectNode account = actor.putObject("account");
        account.put("homePage", baseUrl + "/tenants/" + actorKey.tenant());
        account.put("name", actorKey.id());
        ObjectNode verb = x.putObject("verb");
        verb.put("id", statement.path("verb").path("id").asText());
        verb.putObject("display").put("en-US", statement.path("verb").path("display").asText());
        JsonNode object = statement.path("object");
        ObjectNode activity = x.putObject("object");
        activity.put("objectType", "Activity");
        activity.put("id", baseUrl + "/xapi/activities/" + object.path("id").asText());
        ObjectNode definition = activity.putObject("definition");
        definition.put("type", ACTIVITY_TYPES.getOrDefault(object.path("type").asText(), "http://adlnet.gov/expapi/activities/media"));
        if (object.hasNonNull("name")) {
            definition.putObject("name").put("en-US", object.get("name").asText());
        }
        JsonNode result = statement.path("result");
        if (result.isObject()) {
            ObjectNode r = x.putObject("result");
            if (result.has("scoreScaled")) {
                r.putObject("score").put("scaled", result.get("scoreScaled").asDouble());
            }
            copyBoolean(result, r, "success");
            copyBoolean(result, r, "completion");
            if (result.has("durationMs")) {
                r.put("duration", Duration.ofMillis(result.get("durationMs").asLong()).toString());
            }
            if (result.has("response")) {
                r.put("response", result.get("response").asText());
            }
        }
        ObjectNode context = x.putObject("context");
        context.put("platform", "Neural Synthesis Lab");
        JsonNode ctx = statement.path("context");
        if (ctx.hasNonNull("locale")) {
            context.put("language", ctx.get("locale").asText());
        }
        if (ctx.hasNonNull("level")) {
            context.putObject("extensions").put(baseUrl + "/xapi/extensions/level", ctx.get("level").asInt());
        }
        x.put("timestamp", statement.path("timestamp").asText());
        return x;
    }

    public static ArrayNode array() {
        return JSON.createArrayNode();
    }

    private static void copyBoolean(JsonNode from, ObjectNode to, String field) {
        if (from.has(field)) {
            to.put(field, from.get(field).asBoolean());
        }
    }
}
