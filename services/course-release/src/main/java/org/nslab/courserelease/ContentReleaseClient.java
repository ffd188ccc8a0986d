package org.nslab.courserelease;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Asks the content service's internal GraphQL ({@code courseModel}) for its active release, with a
 * service account's bearer token and a timeout on the connection and on the whole answer.
 */
public final class ContentReleaseClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String QUERY = """
            query($input: CourseModelInput) { courseModel(input: $input) {
              release { id } document userErrors { code message } } }""";

    private final URI graphql;
    private final Supplier<String> accessToken;
    private final Duration timeout;
    private final boolean withQuestions;
    private final HttpClient http;

    /**
     * @param contentUrl    the content service, e.g. {@code http://127.0.0.1:8081} (without {@code /graphql})
     * @param accessToken   a service account's access token (role {@code service}; {@code grader} for questions)
     * @param withQuestions whether the quizzes come with their questions and keys
     */
    public ContentReleaseClient(String contentUrl, Supplier<String> accessToken, Duration timeout, boolean withQuestions) {
        this.graphql = URI.create(contentUrl.replaceAll("/+$", "") + "/graphql");
        this.accessToken = accessToken;
        this.timeout = timeout;
        this.withQuestions = withQuestions;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** @throws ContentUnavailable when the service cannot be reached, times out or answers anything but a release */
    public CourseRelease active() {
        String body;
        try {
            body = JSON.writeValueAsString(Map.of("query", QUERY, "variables", Map.of("input", Map.of("withQuestions", withQuestions))));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        HttpResponse<String> response;
        try {
            HttpRequest request = HttpRequest.newBuilder(graphql).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + accessToken.get())
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ContentUnavailable("the content service at " + graphql + " is unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ContentUnavailable("interrupted while asking the content service", e);
        } catch (RuntimeException e) {
            throw new ContentUnavailable("no access token for the content service: " + e.getMessage(), e);
        }
        if (response.statusCode() != 200) {
            throw new ContentUnavailable("the content service answered HTTP " + response.statusCode(), null);
        }
        try {
            JsonNode answer = JSON.readTree(response.body());
            if (answer.has("errors")) {
                throw new ContentUnavailable("the content service refused: " + answer.get("errors").path(0).path("message").asText(), null);
            }
            JsonNode payload = answer.path("data").path("courseModel");
            JsonNode errors = payload.path("userErrors");
            if (!errors.isEmpty()) {
                throw new ContentUnavailable("the content service has no course model: " + errors.get(0).path("code").asText() + " "
                        + errors.get(0).path("message").asText(), null);
            }
            if (!payload.path("document").isTextual() || !payload.path("release").path("id").isTextual()) {
                throw new ContentUnavailable("the content service answered without a release", null);
            }
            return new CourseRelease(payload.path("release").path("id").asText(), JSON.readTree(payload.path("document").asText()));
        } catch (IOException e) {
            throw new ContentUnavailable("the content service answered something that is not JSON", e);
        }
    }

    /** The content service cannot give its release now; try again later. */
    public static final class ContentUnavailable extends RuntimeException {
        public ContentUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
