package org.nslab.gateway.upstream.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.schema.DataFetchingFieldSelectionSet;
import graphql.schema.SelectedField;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.nslab.gateway.upstream.ServiceTokens;
import org.nslab.gateway.upstream.Upstream;

/**
 * Forwards one of the simulation's queries whose types the gateway exposes under the same names (decision 0005):
 * the caller's own selection goes upstream as it is, so the simulation computes and sends only what was asked
 * for, and the answer is read once into the gateway's records (no typed client asking for every field). Called
 * with the gateway's service account, only through {@link SimulationUpstream#query} (metrics, the clear error); the
 * request's deadline is the simulation's ({@link Upstream#timeout(String)}).
 */
@ApplicationScoped
public class SimulationPassThrough {

    /**
     * Payload fields the gateway answers from its own types: the simulation's user errors have no {@code code} (the
     * gateway adds it), so they are always asked for with exactly the fields it has.
     */
    private static final Map<String, String> OWN_FIELDS = Map.of("userErrors", "userErrors { field message }");

    private final HttpClient http;
    private final ObjectMapper json;
    private final ServiceTokens tokens;
    private final URI endpoint;
    private final Duration timeout;

    public SimulationPassThrough(ObjectMapper json, ServiceTokens tokens, Upstream upstream,
                                 @ConfigProperty(name = "nslab.simulation.url", defaultValue = "http://127.0.0.1:8084") String simulationUrl) {
        this.json = json;
        this.tokens = tokens;
        this.endpoint = URI.create(simulationUrl + "/graphql");
        this.timeout = upstream.timeout(SimulationUpstream.SERVICE);
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    /**
     * Sends {@code query field($input: inputType!) { field(input: $input) { selection } }} and reads
     * {@code data.field} into {@code payload}.
     */
    <T> T query(String field, String inputType, Object input, DataFetchingFieldSelectionSet selection, Class<T> payload)
            throws IOException, InterruptedException {
        String document = "query($input: " + inputType + "!) { " + field + "(input: $input) { " + selectionText(selection) + " } }";
        byte[] body = json.writeValueAsBytes(Map.of("query", document, "variables", Map.of("input", input)));
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Authorization", "Bearer " + tokens.accessToken())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode());
        }
        JsonNode answer = json.readTree(response.body());
        JsonNode errors = answer.path("errors");
        JsonNode data = answer.path("data").path(field);
        if (errors.size() > 0 || !data.isObject()) {
            throw new IOException("the simulation answered " + errors);
        }
        return json.treeToValue(data, payload);
    }

    /**
     * The selection as GraphQL text: fields by name (the gateway applies the caller's aliases itself), fragments
     * and {@code @include}/{@code @skip} already resolved by graphql-java, fields selected twice merged (type names
     * are the same on both sides, so {@code __typename} goes too and keeps a selection of only it valid).
     */
    static String selectionText(DataFetchingFieldSelectionSet selection) {
        Map<String, Map<String, ?>> tree = new LinkedHashMap<>();
        collect(selection, tree);
        StringBuilder text = new StringBuilder();
        for (String own : OWN_FIELDS.keySet()) {
            if (tree.remove(own) != null) {
                text.append(text.isEmpty() ? "" : " ").append(OWN_FIELDS.get(own));
            }
        }
        print(tree, text);
        return text.isEmpty() ? "__typename" : text.toString();
    }

    @SuppressWarnings("unchecked")
    private static void collect(DataFetchingFieldSelectionSet selection, Map<String, Map<String, ?>> into) {
        for (SelectedField f : selection.getImmediateFields()) {
            Map<String, Map<String, ?>> sub = (Map<String, Map<String, ?>>) into.computeIfAbsent(f.getName(), k -> new LinkedHashMap<>());
            collect(f.getSelectionSet(), sub);
        }
    }

    @SuppressWarnings("unchecked")
    private static void print(Map<String, Map<String, ?>> tree, StringBuilder text) {
        for (Map.Entry<String, Map<String, ?>> e : tree.entrySet()) {
            if (!text.isEmpty() && text.charAt(text.length() - 1) != '{' && text.charAt(text.length() - 1) != ' ') {
                text.append(' ');
            }
            text.append(e.getKey());
            if (!e.getValue().isEmpty()) {
                text.append(" {");
                print((Map<String, Map<String, ?>>) e.getValue(), text);
                text.append(" }");
            }
        }
    }
}
