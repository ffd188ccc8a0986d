package org.nslab.gateway.shell;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nslab.sdk.conformance.Chromium;
import org.nslab.testing.TestServers;
import org.nslab.testing.TestServersResource;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Signing in to the web shell in headless Chromium through the real Keycloak: the authorization-code flow with
 * PKCE of the public client {@code nslab-web} (which requires S256 challenges), the login form, the redirect back
 * and the code exchange in the browser. The test gateway's random port is added to the client's redirect URIs and
 * web origins for the test through Keycloak's admin API, and taken out again afterwards.
 */
@QuarkusTest
@WithTestResource(TestServersResource.class)
class ShellSignInBrowserTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TestHTTPResource("/")
    URL root;

    private ChromeDriver chrome;
    private ObjectNode originalClient;

    @AfterEach
    void restore() throws Exception {
        if (chrome != null) {
            chrome.quit();
        }
        if (originalClient != null) {
            admin("PUT", "/clients/" + originalClient.get("id").asText(), originalClient.toString());
        }
    }

    @Test
    void aLearnerSignsInWithPkceAndTheShellCallsTheGatewayAsThem() throws Exception {
        String origin = root.getProtocol() + "://" + root.getHost() + ":" + root.getPort();
        allowRedirectsTo(origin);
        chrome = Chromium.start(1280, 800);
        WebDriverWait wait = new WebDriverWait(chrome, Duration.ofSeconds(60));

        chrome.get(root + "#/level/3");
        wait.until(d -> "true".equals(chrome.executeScript("return document.documentElement.dataset.ready || ''")));
        chrome.findElement(By.xpath("//button[text()='Sign in']")).click();

        // Keycloak's own login page, reached with a code challenge (the client refuses requests without one)
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        String authorize = chrome.getCurrentUrl();
        assertTrue(authorize.startsWith(TestServers.keycloakUrl() + "/realms/nslab/protocol/openid-connect/auth"), authorize);
        assertTrue(authorize.contains("code_challenge_method=S256") && authorize.contains("code_challenge="), authorize);
        chrome.findElement(By.id("username")).sendKeys("alice");
        chrome.findElement(By.id("password")).sendKeys("alice-demo");
        chrome.findElement(By.id("kc-login")).click();

        // back in the shell: the code exchanged, the deep link restored, no code or state left in the address
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("account"), "Signed in"));
        wait.until(d -> chrome.getCurrentUrl().endsWith("#/level/3"));
        assertFalse(chrome.getCurrentUrl().contains("code="), chrome.getCurrentUrl());
        JsonNode auth = JSON.readTree((String) chrome.executeScript("return sessionStorage.getItem('nslab.auth')"));
        assertEquals("bearer", auth.get("kind").asText());
        assertFalse(String.valueOf(chrome.executeScript("return document.cookie")).contains(auth.get("token").asText()),
                "the token is not in a cookie");

        // the token the browser holds is alice's, and the gateway takes it
        given().auth().oauth2(auth.get("token").asText()).contentType("application/json")
                .body(Map.of("query", "{ viewer { kind tenant roles } }")).post("/graphql")
                .then().statusCode(200)
                .body("data.viewer.kind", equalTo("LEARNER"))
                .body("data.viewer.tenant", equalTo("demo-university"))
                .body("data.viewer.roles", hasItem("learner"));
    }

    /** Adds this test's origin to nslab-web's redirect URIs and web origins, keeping the client as it was to restore. */
    private void allowRedirectsTo(String origin) throws Exception {
        JsonNode clients = JSON.readTree(admin("GET", "/clients?clientId=nslab-web", null));
        ObjectNode client = (ObjectNode) clients.get(0);
        originalClient = client.deepCopy();
        ((ArrayNode) client.withArray("redirectUris")).add(origin + "/*");
        ((ArrayNode) client.withArray("webOrigins")).add(origin);
        admin("PUT", "/clients/" + client.get("id").asText(), client.toString());
    }

    private static String admin(String method, String path, String body) throws Exception {
        String form = "grant_type=password&client_id=admin-cli&username=admin&password="
                + URLEncoder.encode("admin-local-dev", StandardCharsets.UTF_8);
        HttpResponse<String> token = HTTP.send(HttpRequest.newBuilder(URI.create(TestServers.keycloakUrl()
                        + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, token.statusCode(), token.body());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TestServers.keycloakUrl() + "/admin/realms/nslab" + path))
                .header("Authorization", "Bearer " + JSON.readTree(token.body()).get("access_token").asText())
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() / 100 == 2, method + " " + path + ": " + response.statusCode() + " " + response.body());
        return response.body();
    }
}
