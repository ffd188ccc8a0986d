package org.nslab.gateway.upstream.renderer;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Finished renders ({@code GET /renders/<uuid>.<png|gif|mp4>}) and module posters ({@code GET /posters/<module>.png})
 * on the gateway's public address, streamed from the renderer (whose port is internal). Only those two paths and
 * names of those shapes are forwarded; anything else is 404 without asking the renderer. The content type comes
 * from the file's extension, never from upstream. Renders are capability URLs (random UUIDs handed only to their
 * owner) that never change: private, cached an hour. Posters are public and are drawn again when a module is
 * updated: cached five minutes. A renderer that does not answer within the connect timeout, or stalls for
 * {@code file-idle-timeout}, gives 503 (or an aborted transfer once bytes went out).
 */
@ApplicationScoped
public class RenderFileProxy {

    private static final Logger LOG = Logger.getLogger(RenderFileProxy.class);
    private static final Pattern RENDER = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.(png|gif|mp4)");
    private static final Pattern POSTER = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}\\.png");

    private final RendererUpstreamConfig config;
    private final RendererMetrics metrics;
    private final HttpClient http;

    public RenderFileProxy(RendererUpstreamConfig config, RendererMetrics metrics, Vertx vertx) {
        this.config = config;
        this.metrics = metrics;
        this.http = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout((int) config.connectTimeout().toMillis()));
    }

    void routes(@Observes Router router) {
        router.get("/renders/:file").handler(rc -> forward(rc, "renders", RENDER, "private, max-age=3600, immutable"));
        router.get("/posters/:file").handler(rc -> forward(rc, "posters", POSTER, "public, max-age=300"));
    }

    private void forward(RoutingContext rc, String folder, Pattern names, String cacheControl) {
        String file = rc.pathParam("file");
        if (file == null || !names.matcher(file).matches()) {
            rc.response().setStatusCode(404).end();
            return;
        }
        RendererMetrics.Call timing = metrics.start(folder);
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(config.url() + "/" + folder + "/" + file)
                .setIdleTimeout(config.fileIdleTimeout().toMillis());
        http.request(options).compose(request -> request.send()).onComplete(result -> {
            HttpServerResponse response = rc.response();
            if (result.failed()) {
                timing.failed(result.cause());
                unavailable(response, result.cause());
                return;
            }
            HttpClientResponse upstream = result.result();
            if (upstream.statusCode() == 404) {
                timing.succeeded();
                upstream.end();
                response.setStatusCode(404).end();
                return;
            }
            if (upstream.statusCode() != 200) {
                timing.failed();
                upstream.end();
                unavailable(response, new IllegalStateException("HTTP " + upstream.statusCode()));
                return;
            }
            response.putHeader("Content-Type", contentType(file)).putHeader("Cache-Control", cacheControl)
                    .putHeader("X-Content-Type-Options", "nosniff");
            String length = upstream.getHeader("Content-Length");
            if (length != null && length.matches("[0-9]{1,15}")) {
                response.putHeader("Content-Length", length);
            } else {
                response.setChunked(true);
            }
            // A transfer broken off midway resets the connection: the browser must not take a cut file for the whole.
            upstream.pipe().endOnFailure(false).to(response).onComplete(piped -> {
                if (piped.succeeded()) {
                    timing.succeeded();
                } else {
                    timing.failed();
                    LOG.warnf("renderer %s/%s: transfer broken off: %s", folder, file, piped.cause().toString());
                    response.reset();
                }
            });
        });
    }

    private static String contentType(String file) {
        return file.endsWith(".png") ? "image/png" : file.endsWith(".gif") ? "image/gif" : "video/mp4";
    }

    private static void unavailable(HttpServerResponse response, Throwable cause) {
        LOG.warnf("renderer file unavailable: %s", cause.toString());
        if (!response.headWritten()) {
            response.setStatusCode(503).putHeader("Content-Type", "text/plain; charset=utf-8").putHeader("Retry-After", "5")
                    .end("The renderer service cannot be reached right now; try again in a moment.");
        }
    }
}
