package org.nslab.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.nslab.testing.TestServers;
import org.yaml.snakeyaml.Yaml;

/** The deployment descriptions agree with the code: every service deployed, probed and limited, one realm. */
class KubernetesManifestsTest {

    private static final Path ROOT = TestServers.repositoryRoot();
    private static final Path K8S = ROOT.resolve("k8s");

    @Test
    void everyServiceOfTheReactorIsDeployedWithProbesLimitsAndItsOwnPort() throws IOException {
        Map<String, Map<String, Object>> deployments = documents("Deployment");
        for (Map.Entry<String, Path> service : quarkusServices().entrySet()) {
            Map<String, Object> deployment = deployments.get(service.getKey());
            assertNotNull(deployment, "no Deployment for " + service.getKey());
            Map<String, Object> container = first(path(deployment, "spec", "template", "spec", "containers"));
            assertEquals("/q/health/started", path(container, "startupProbe", "httpGet", "path"), service.getKey());
            assertEquals("/q/health/live", path(container, "livenessProbe", "httpGet", "path"), service.getKey());
            assertEquals("/q/health/ready", path(container, "readinessProbe", "httpGet", "path"), service.getKey());
            assertNotNull(path(container, "resources", "limits", "memory"), service.getKey() + " has no memory limit");
            assertEquals(Boolean.TRUE, path(deployment, "spec", "template", "spec", "securityContext", "runAsNonRoot"));
            Map<String, Object> port = first(path(container, "ports"));
            assertEquals(Integer.parseInt(httpPort(service.getValue())), port.get("containerPort"), service.getKey());
        }
    }

    @Test
    void everyDatabaseAServiceUsesIsCreatedLocallyAndOnKubernetes() throws IOException {
        String nslab = Files.readString(ROOT.resolve("nslab"));
        Matcher local = Pattern.compile("DATABASES=\\(([^)]*)\\)").matcher(nslab);
        assertTrue(local.find());
        Set<String> localDatabases = Set.of(local.group(1).trim().split("\\s+"));
        String init = Files.readString(K8S.resolve("postgres/init-databases.sh"));
        String kustomization = Files.readString(K8S.resolve("kustomization.yaml"));
        for (Map.Entry<String, Path> service : quarkusServices().entrySet()) {
            Properties props = properties(service.getValue());
            String url = props.getProperty("quarkus.datasource.jdbc.url");
            if (url == null) {
                continue;
            }
            String database = url.substring(url.lastIndexOf('/') + 1);
            assertTrue(localDatabases.contains(database), database + " missing from DATABASES in ./nslab");
            assertTrue(init.contains(" " + database), database + " missing from init-databases.sh");
            assertTrue(kustomization.contains("- " + database + "="), database + " has no password in the nslab-db secret");
        }
    }

    @Test
    void theOneRealmFileHasTheRolesClientsAndDemoUsersThePlatformNeeds() throws IOException {
        JsonNode realm = new ObjectMapper().readTree(K8S.resolve("keycloak/nslab-realm.json").toFile());
        Set<String> roles = names(realm.path("roles").path("realm"), "name");
        assertTrue(roles.containsAll(Set.of("learner", "instructor", "admin", "module-author")), roles.toString());

        Map<String, JsonNode> clients = new HashMap<>();
        realm.path("clients").forEach(c -> clients.put(c.path("clientId").asText(), c));
        JsonNode web = clients.get("nslab-web");
        assertTrue(web.path("publicClient").asBoolean() && web.path("standardFlowEnabled").asBoolean());
        assertEquals("S256", web.path("attributes").path("pkce.code.challenge.method").asText());
        assertTrue(!web.path("directAccessGrantsEnabled").asBoolean(), "the browser client must not allow password grants");

        List<String> modules = clients.keySet().stream().filter(id -> id.startsWith("module-")).toList();
        // One per level module, and the example third-party module's (its author's client in the local realm).
        assertEquals(Set.of("module-journey-map", "module-stage-theatres", "module-component-microscope", "module-data-flow-cinema",
                "module-playground", "module-token-lights"), Set.copyOf(modules), "one confidential client per level module");
        Map<String, JsonNode> users = new HashMap<>();
        realm.path("users").forEach(u -> users.put(u.path("username").asText(), u));
        for (String module : modules) {
            assertTrue(!clients.get(module).path("publicClient").asBoolean() && clients.get(module).path("serviceAccountsEnabled").asBoolean());
            JsonNode account = users.get("service-account-" + module);
            assertNotNull(account, module + " has no service account user");
            assertTrue(names(account.path("realmRoles"), null).contains("module-author"));
        }
        for (String role : List.of("learner", "instructor", "admin", "module-author")) {
            assertTrue(users.values().stream().anyMatch(u -> !u.has("serviceAccountClientId")
                    && names(u.path("realmRoles"), null).contains(role)), "no demo user with role " + role);
        }
        String kustomization = Files.readString(K8S.resolve("kustomization.yaml"));
        assertTrue(kustomization.contains("keycloak/nslab-realm.json"), "Kubernetes must import the same realm file");
        assertTrue(Files.readString(ROOT.resolve("nslab")).contains("k8s/keycloak/nslab-realm.json"), "./nslab must import the same realm file");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyResourceTheKustomizationNamesExists() throws IOException {
        Map<String, Object> kustomization = new Yaml().load(Files.readString(K8S.resolve("kustomization.yaml")));
        List<String> files = new ArrayList<>();
        files.addAll(KubernetesManifestsTest.<List<String>>path(kustomization, "resources"));
        for (Map<String, Object> generator : KubernetesManifestsTest.<List<Map<String, Object>>>path(kustomization, "configMapGenerator")) {
            files.addAll((List<String>) generator.get("files"));
        }
        for (String file : files) {
            assertTrue(Files.isRegularFile(K8S.resolve(file)), file);
        }
    }

    @Test
    void theRendererIsInternalAndReachedThroughTheGateway() throws IOException {
        Map<String, Object> service = documents("Service").get("renderer");
        assertNotNull(service, "no Service for the renderer");
        Object type = path(service, "spec", "type");
        assertTrue(type == null || "ClusterIP".equals(type), "the renderer's Service must stay inside the cluster, was " + type);
        for (Map<String, Object> ingress : documents("Ingress").values()) {
            assertTrue(!new Yaml().dump(ingress).contains("renderer"), "an Ingress routes to the renderer");
        }
        Map<String, Object> policy = documents("NetworkPolicy").values().stream()
                .filter(p -> "renderer".equals(path(p, "spec", "podSelector", "matchLabels", "app.kubernetes.io/name")))
                .findFirst().orElseThrow(() -> new AssertionError("no NetworkPolicy for the renderer"));
        List<Map<String, Object>> rules = path(policy, "spec", "ingress");
        assertEquals(1, rules.size());
        assertEquals(List.of(Map.of("podSelector", Map.of("matchLabels", Map.of("app.kubernetes.io/name", "gateway")))),
                rules.get(0).get("from"), "only the gateway may call the renderer");
        Map<String, Object> gateway = first(path(documents("Deployment").get("gateway"), "spec", "template", "spec", "containers"));
        List<Map<String, Object>> env = path(gateway, "env");
        assertTrue(env.stream().anyMatch(e -> "NSLAB_RENDERER_URL".equals(e.get("name")) && "http://renderer:8086".equals(e.get("value"))),
                "the gateway must know the renderer's internal address");
    }

    /** Reactor modules that are Quarkus applications, by Kubernetes name. */
    private static Map<String, Path> quarkusServices() throws IOException {
        Map<String, Path> services = new HashMap<>();
        Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(ROOT.resolve("pom.xml")));
        while (module.find()) {
            Path dir = ROOT.resolve(module.group(1));
            // The example module is the archetype a module author copies and runs himself, not part of the platform.
            if (Files.isRegularFile(dir.resolve("src/main/resources/application.properties")) && !module.group(1).startsWith("modules/examples/")) {
                services.put(dir.getFileName().toString(), dir);
            }
        }
        assertTrue(services.size() >= 7, services.toString());
        return services;
    }

    private static String httpPort(Path service) throws IOException {
        return properties(service).getProperty("quarkus.http.port");
    }

    private static Properties properties(Path service) throws IOException {
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(service.resolve("src/main/resources/application.properties"))) {
            props.load(in);
        }
        return props;
    }

    private static Map<String, Map<String, Object>> documents(String kind) throws IOException {
        Map<String, Map<String, Object>> byName = new HashMap<>();
        try (var files = Files.walk(K8S)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                for (Object doc : new Yaml().loadAll(Files.readString(file))) {
                    if (doc instanceof Map<?, ?> map && kind.equals(map.get("kind"))) {
                        byName.put((String) ((Map<?, ?>) map.get("metadata")).get("name"), (Map<String, Object>) map);
                    }
                }
            }
        }
        return byName;
    }

    @SuppressWarnings("unchecked")
    private static <T> T path(Map<String, Object> node, String... keys) {
        Object current = node;
        for (String key : keys) {
            current = current == null ? null : ((Map<String, Object>) current).get(key);
        }
        return (T) current;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> first(Object list) {
        return ((List<Map<String, Object>>) list).get(0);
    }

    private static Set<String> names(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(n -> field == null ? n.asText() : n.path(field).asText())
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
