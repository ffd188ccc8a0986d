package org.nslab.gateway.shell;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nslab.gateway.registry.TestModuleServer;
import org.nslab.sdk.conformance.Chromium;
import org.nslab.testing.TestServersResource;
import org.nslab.testing.Tokens;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The web shell in headless Chromium, with modules registered in the real registry. */
@QuarkusTest
@WithTestResource(TestServersResource.class)
class ShellBrowserTests {

    static final String FIRST_PARTY = """
            import * as THREE from 'three';
            export async function mount(element, host) {
              const p = document.createElement('p');
              p.id = 'fp-out';
              p.textContent = 'first-party ' + host.module.id + ' three r' + THREE.REVISION;
              element.append(p);
              const data = await host.graphql('Me');
              p.dataset.viewer = data.viewer.kind;
              const event = await host.emit({ verb: 'LAUNCHED', objectId: 'level:4', objectType: 'LEVEL' });
              p.dataset.event = event.id;
            }
            export async function unmount() { document.getElementById('fp-out')?.remove(); }
            """;
    static final String SANDBOXED = """
            export async function mount(element, host) {
              const r = {};
              try { r.cookie = 'read: ' + document.cookie; } catch (e) { r.cookie = 'blocked: ' + e.name; }
              try { r.storage = 'read: ' + localStorage.getItem('nslab.auth'); } catch (e) { r.storage = 'blocked: ' + e.name; }
              try { r.parentStorage = 'read: ' + window.parent.sessionStorage.getItem('nslab.auth'); } catch (e) { r.parentStorage = 'blocked: ' + e.name; }
              try { r.parentDom = 'read: ' + window.parent.document.title; } catch (e) { r.parentDom = 'blocked: ' + e.name; }
              try { window.top.location.href = 'about:blank#escaped'; r.top = 'tried'; } catch (e) { r.top = 'blocked: ' + e.name; }
              try { await host.graphql('NotDeclared'); r.undeclared = 'allowed'; } catch (e) { r.undeclared = 'refused: ' + e.code; }
              try { const d = await host.graphql('Me'); r.declared = d.viewer.kind; } catch (e) { r.declared = 'error: ' + e.message; }
              const pre = document.createElement('pre');
              pre.id = 'sandbox-report';
              pre.textContent = JSON.stringify(r);
              element.append(pre);
            }
            export async function unmount() {}
            """;

    static TestModuleServer server;
    static ChromeDriver chrome;

    @TestHTTPResource("/")
    URL root;

    @BeforeAll
    static void start() throws IOException {
        server = TestModuleServer.start();
        chrome = Chromium.start(1280, 800);
    }

    @AfterAll
    static void stop() {
        if (chrome != null) chrome.quit();
        server.close();
    }

    static String manifest(String id, int level, String entryPath, String integrity, String operations) {
        return """
                {"id": "%s", "name": "Module %s", "version": "1.0.0", "level": %d, "order": 1, "platform": "^0.1",
                 "entry": {"url": "http://127.0.0.1:%d%s", "integrity": "%s"},
                 "health": "http://127.0.0.1:%d/health",
                 "operations": %s, "author": {"name": "Browser tests"}}""".formatted(id, id, level, server.port(), entryPath, integrity,
                server.port(), operations);
    }

    static void register(String token, String manifest) {
        given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("query", "mutation($input: RegisterModuleInput!) { registerModule(input: $input) { outcome module { status } diagnostics { message } } }",
                        "variables", Map.of("input", Map.of("manifest", manifest))))
                .post("/graphql").then().statusCode(200).body("data.registerModule.module.status", org.hamcrest.Matchers.equalTo("ACTIVE"));
    }

    WebDriverWait await() {
        return new WebDriverWait(chrome, Duration.ofSeconds(60));
    }

    void openAsGuest(String hash) {
        chrome.get(root.toString());
        await().until(d -> "true".equals(((ChromeDriver) d).executeScript("return document.documentElement.dataset.ready || ''")));
        if (!chrome.findElement(By.id("account")).getText().contains("Guest")) { // the tab may still hold a guest session
            chrome.findElement(By.xpath("//button[text()='Continue as guest']")).click();
            await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("account"), "Guest"));
        }
        chrome.executeScript("location.hash = arguments[0]", hash);
    }

    @Test
    void theShellIsServedWithAStrictContentSecurityPolicy() {
        given().get("/").then().statusCode(200)
                .header("Content-Security-Policy", allOf(containsString("default-src 'self'"), containsString("frame-ancestors 'none'"),
                        containsString("object-src 'none'"), containsString("'sha256-"), not(containsString("unsafe-inline"))))
                .body(containsString("importmap"));
        given().get("/shell/sandbox").then().statusCode(200)
                .header("Content-Security-Policy", allOf(containsString("sandbox allow-scripts"), containsString("default-src 'none'")));
        given().get("/shell/config").then().statusCode(200).body("clientId", org.hamcrest.Matchers.equalTo("nslab-web"));
    }

    @Test
    void aFirstPartyModuleMountsInThePageWithTheSharedThreeAndCallsItsDeclaredOperation() {
        String id = "fp-" + Long.toHexString(System.nanoTime());
        String integrity = server.put("/" + id + "/index.js", FIRST_PARTY);
        register(Tokens.forClient("module-journey-map", "dev-only-module-journey-map-secret"),
                manifest(id, 4, "/" + id + "/index.js", integrity, "[{\"name\": \"Me\", \"document\": \"query Me { viewer { kind } }\"}]"));

        openAsGuest("#/level/4/" + id);
        WebElement out = await().until(ExpectedConditions.presenceOfElementLocated(By.id("fp-out")));
        assertEquals("first-party " + id + " three r187", out.getText());
        await().until(d -> "GUEST".equals(out.getDomAttribute("data-viewer")));
        await().until(d -> out.getDomAttribute("data-event") != null);
        assertEquals(0, chrome.findElements(By.tagName("iframe")).size(), "first-party modules are not framed");
    }

    @Test
    void aSandboxedModuleCannotReachTheShellsStorageOrTopWindowNorCallUndeclaredOperations() throws Exception {
        String id = "sb-" + Long.toHexString(System.nanoTime());
        String integrity = server.put("/" + id + "/index.js", SANDBOXED);
        register(Tokens.forUser("dave", "dave-demo"),
                manifest(id, 5, "/" + id + "/index.js", integrity, "[{\"name\": \"Me\", \"document\": \"query Me { viewer { kind } }\"}]"));

        openAsGuest("#/level/5/" + id);
        WebElement frame = await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("iframe.module-frame")));
        assertEquals("allow-scripts", frame.getDomAttribute("sandbox"));
        WebDriver inFrame = chrome.switchTo().frame(frame);
        WebElement report = new WebDriverWait(inFrame, Duration.ofSeconds(60)).until(ExpectedConditions.presenceOfElementLocated(By.id("sandbox-report")));
        JsonNode r = new ObjectMapper().readTree(report.getText());
        chrome.switchTo().defaultContent();

        assertTrue(r.get("cookie").asText().startsWith("blocked: SecurityError"), r.toString());
        assertTrue(r.get("storage").asText().startsWith("blocked: SecurityError"), r.toString());
        assertTrue(r.get("parentStorage").asText().startsWith("blocked: SecurityError"), r.toString());
        assertTrue(r.get("parentDom").asText().startsWith("blocked: SecurityError"), r.toString());
        assertEquals("refused: undeclared-operation", r.get("undeclared").asText());
        assertEquals("GUEST", r.get("declared").asText(), "declared operations go through the bridge with the learner's session");
        Thread.sleep(500);
        assertTrue(chrome.getCurrentUrl().startsWith(root.toString()) && !chrome.getCurrentUrl().contains("escaped"),
                "the top window stayed: " + chrome.getCurrentUrl());
    }

    @Test
    void aModuleThatIsNotInTheCatalogueGetsAClearNoticeAndTheLevelsAreReachableByKeyboard() {
        openAsGuest("#/level/3/not-running-anywhere");
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("stage"), "is not available right now"));
        assertTrue(chrome.findElement(By.id("stage")).getText().contains("not in the catalogue"));

        WebElement first = chrome.findElement(By.cssSelector("#levels a.level-link"));
        chrome.executeScript("arguments[0].focus()", first);
        first.sendKeys(Keys.ARROW_DOWN);
        assertTrue(chrome.switchTo().activeElement().getText().contains("Stage theatres"), chrome.switchTo().activeElement().getText());
        chrome.switchTo().activeElement().sendKeys(Keys.END);
        assertTrue(chrome.switchTo().activeElement().getText().contains("Playground"));
    }
}
