package org.nslab.sdk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** A minimal GraphQL POST for the tests (the answer as text or as a tree). */
public final class GraphQl {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private GraphQl() {
    }

    public static String post(String endpoint, String authorization, String query, Map<String, Object> variables) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint))
                    .header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query, "variables", variables))));
            if (authorization != null) {
                request.header("authorization", authorization);
            }
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return "{\"errors\":[{\"message\":\"" + e.getClass().getSimpleName() + "\"}]}";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A JSON document fetched with GET. */
    public static JsonNode json(String url) {
        try {
            return JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode tree(String endpoint, String authorization, String query, Map<String, Object> variables) {
        try {
            return JSON.readTree(post(endpoint, authorization, query, variables));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
