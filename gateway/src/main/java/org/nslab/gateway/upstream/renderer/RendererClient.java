package org.nslab.gateway.upstream.renderer;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;
import org.nslab.gateway.upstream.ServiceTokens;
import org.nslab.gateway.upstream.ServiceUnavailableException;
import org.nslab.contracts.UserError;
import org.nslab.gateway.upstream.renderer.RenderTypes.RenderJob;
import org.nslab.gateway.upstream.renderer.RenderTypes.RenderJobPayload;
import org.nslab.gateway.upstream.renderer.RenderTypes.RequestRenderInput;
import org.nslab.gateway.upstream.renderer.RenderTypes.Viewer;

/**
 * The renderer's internal GraphQL API, called with the gateway's service account and the verified viewer. Each call
 * is bounded by {@code nslab.upstream.renderer.timeout} as a whole; a renderer that cannot be reached, answers an
 * error or answers late becomes {@code service-unavailable}. Result paths become links to the gateway's own proxy.
 */
@ApplicationScoped
public class RendererClient {

    private static final Logger LOG = Logger.getLogger(RendererClient.class);
    private static final String JOB = "id state format width height queuePosition framesDone framesTotal progress resultPath bytes error "
            + "createdAt finishedAt";
    private static final TypeReference<Map<String, Object>> PROPERTIES = new TypeReference<>() {
    };
    private static final String PAYLOAD = "job { " + JOB + " } userErrors { field message code }";

    private final RendererUpstreamConfig config;
    private final ServiceTokens tokens;
    private final ObjectMapper json;
    private final RendererMetrics metrics;
    private final HttpClient http;
    private final URI endpoint;

    public RendererClient(RendererUpstreamConfig config, ServiceTokens tokens, ObjectMapper json, RendererMetrics metrics) {
        this.config = config;
        this.tokens = tokens;
        this.json = json;
        this.metrics = metrics;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(config.connectTimeout()).build();
        this.endpoint = URI.create(config.url() + "/graphql");
    }

    public RenderJobPayload requestRender(Viewer viewer, RequestRenderInput input) {
        Map<String, Object> variables = new LinkedHashMap<>(json.convertValue(input, PROPERTIES));
        variables.put("viewer", viewer);
        JsonNode data = call("requestRender", "mutation($input: RequestRenderInput!) { requestRender(input: $input) { " + PAYLOAD + " } }",
                variables);
        return payload(data);
    }

    public RenderJobPayload cancelRender(Viewer viewer, String id) {
        JsonNode data = call("cancelRender", "mutation($input: RenderJobInput!) { cancelRender(input: $input) { " + PAYLOAD + " } }",
                Map.of("viewer", viewer, "id", id));
        return payload(data);
    }

    public RenderJob renderJob(Viewer viewer, String id) {
        JsonNode job = call("renderJob", "query($input: RenderJobInput!) { renderJob(input: $input) { " + JOB + " } }",
                Map.of("viewer", viewer, "id", id));
        return job.isNull() ? null : job(job);
    }

    public List<RenderJob> myRenderJobs(Viewer viewer) {
        JsonNode jobs = call("myRenderJobs", "query($input: MyRenderJobsInput!) { myRenderJobs(input: $input) { " + JOB + " } }",
                Map.of("viewer", viewer));
        List<RenderJob> list = new ArrayList<>();
        jobs.forEach(j -> list.add(job(j)));
        return list;
    }

    public String sceneSchema() {
        JsonNode schema = callWithoutInput("sceneSchema", "query { sceneSchema }");
        if (!schema.isTextual()) {
            throw unavailable("sceneSchema", new IllegalStateException("no schema in the answer"));
        }
        return schema.asText();
    }

    private RenderJobPayload payload(JsonNode data) {
        List<UserError> errors = new ArrayList<>();
        data.path("userErrors").forEach(e -> {
            List<String> field = new ArrayList<>();
            e.path("field").forEach(f -> field.add(f.asText()));
            errors.add(new UserError(field, e.path("message").asText(), e.path("code").asText()));
        });
        JsonNode job = data.path("job");
        return new RenderJobPayload(job.isObject() ? job(job) : null, errors);
    }

    /** The renderer's job, with its result path as a link to the gateway's proxy. */
    private RenderJob job(JsonNode node) {
        ObjectNode copy = node.deepCopy();
        JsonNode path = copy.remove("resultPath");
        copy.put("resultUrl", path == null || path.isNull() ? null : config.publicUrl() + path.asText());
        try {
            return json.treeToValue(copy, RenderJob.class);
        } catch (IOException e) {
            throw unavailable("read", e);
        }
    }

    private JsonNode call(String operation, String document, Map<String, Object> input) {
        return send(operation, Map.of("query", document, "variables", Map.of("input", input)));
    }

    private JsonNode callWithoutInput(String operation, String document) {
        return send(operation, Map.of("query", document));
    }

    private JsonNode send(String operation, Map<String, Object> body) {
        RendererMetrics.Call timing = metrics.start(operation);
        try {
            HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(config.timeout())
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .header("Authorization", "Bearer " + tokens.accessToken())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build();
            // The request timeout covers the wait for the headers; the future's covers the body too.
            HttpResponse<byte[]> response = http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                    .get(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode());
            }
            JsonNode answer = json.readTree(response.body());
            JsonNode data = answer.path("data").path(operation);
            if (answer.path("errors").size() > 0 || data.isMissingNode()) {
                throw new IOException("the renderer answered " + answer.path("errors"));
            }
            timing.succeeded();
            return data;
        } catch (IOException | ExecutionException | TimeoutException | RuntimeException e) {
            timing.failed(e);
            throw unavailable(operation, e);
        } catch (InterruptedException e) {
            timing.failed(e);
            Thread.currentThread().interrupt();
            throw unavailable(operation, e);
        }
    }

    private static ServiceUnavailableException unavailable(String operation, Exception cause) {
        LOG.warnf("renderer %s failed: %s", operation, cause.toString());
        return new ServiceUnavailableException("renderer", cause);
    }
}
