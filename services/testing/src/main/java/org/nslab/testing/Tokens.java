package org.nslab.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** Real access tokens from the test Keycloak, for the demo accounts of the realm file. */
public final class Tokens {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Tokens() {
    }

    /** A user's token through the password grant of the {@code nslab-cli} client. */
    public static String forUser(String username, String password) {
        return forUser(TestServers.keycloakUrl(), username, password);
    }

    public static String forUser(String keycloakUrl, String username, String password) {
        return request(keycloakUrl, Map.of("grant_type", "password", "client_id", "nslab-cli",
                "username", username, "password", password, "scope", "openid"));
    }

    /** A service account's token through the client-credentials grant. */
    public static String forClient(String clientId, String secret) {
        return forClient(TestServers.keycloakUrl(), clientId, secret);
    }

    public static String forClient(String keycloakUrl, String clientId, String secret) {
        return request(keycloakUrl, Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
    }

    private static String request(String keycloakUrl, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(keycloakUrl + "/realms/nslab/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode json = JSON.readTree(response.body());
            if (response.statusCode() != 200 || !json.hasNonNull("access_token")) {
                throw new IllegalStateException("Keycloak refused a token (" + response.statusCode() + "): " + response.body());
            }
            return json.get("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach Keycloak at " + keycloakUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
