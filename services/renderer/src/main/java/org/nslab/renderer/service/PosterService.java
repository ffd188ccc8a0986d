package org.nslab.renderer.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.nslab.sdk.scene.Problem;

/**
 * Module posters for the catalogue (1200×630 PNG, served at {@code /posters/<moduleId>.png}). The scene is
 * the manifest's {@code posterScene} (a scene description) when the manifest has one, otherwise a
 * generated one: the module's level as a ring of stations, its id as the title, colours and particles
 * seeded from the id so each module gets its own picture.
 */
@ApplicationScoped
public class PosterService {

    public static final int WIDTH = 1200;
    public static final int HEIGHT = 630;
    private static final Logger LOG = Logger.getLogger(PosterService.class);
    private static final Pattern MODULE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final String[] LEVEL_COLOURS = {"#4cc9f0", "#4895ef", "#7209b7", "#f72585", "#ffb703"};
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RenderService service;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    public PosterService(RenderService service) {
        this.service = service;
    }

    /** Queues the poster of a module; problems when the id is invalid or the scene does not validate. */
    public RenderQueue.Outcome renderPoster(String moduleId, int level, String manifestUrl) {
        if (moduleId == null || !MODULE_ID.matcher(moduleId).matches()) {
            return new RenderQueue.Outcome(null, List.of(new Problem("/moduleId", "module id must match " + MODULE_ID.pattern())));
        }
        String scene = manifestScene(manifestUrl).orElseGet(() -> defaultScene(moduleId, level));
        Path target = service.outputDir().resolve("posters").resolve(moduleId + ".png");
        RenderRequest request = new RenderRequest(scene, WIDTH, HEIGHT, RenderRequest.Format.PNG, 2, 0, 30, true);
        RenderQueue.Outcome outcome = service.queue().submit("system:posters", 1000, request, target);
        if (!outcome.problems().isEmpty() && !scene.equals(defaultScene(moduleId, level))) {
            LOG.warnf("poster scene of %s is invalid (%s); drawing the default poster", moduleId, outcome.problems());
            return service.queue().submit("system:posters", 1000,
                    new RenderRequest(defaultScene(moduleId, level), WIDTH, HEIGHT, RenderRequest.Format.PNG, 2, 0, 30, true), target);
        }
        return outcome;
    }

    private Optional<String> manifestScene(String manifestUrl) {
        if (manifestUrl == null || !(manifestUrl.startsWith("http://") || manifestUrl.startsWith("https://"))) {
            return Optional.empty();
        }
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(manifestUrl)).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200 || response.body().length > 4 * 1024 * 1024) {
                return Optional.empty();
            }
            JsonNode scene = JSON.readTree(response.body()).path("posterScene");
            return scene.isObject() ? Optional.of(JSON.writeValueAsString(scene)) : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            LOG.debugf("manifest %s not readable: %s", manifestUrl, e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The generated poster of a module: deterministic for its id and level. */
    public static String defaultScene(String moduleId, int level) {
        int lvl = Math.max(1, Math.min(5, level));
        long seed = Integer.toUnsignedLong(moduleId.hashCode());
        String accent = LEVEL_COLOURS[lvl - 1];
        ObjectNode scene = JSON.createObjectNode();
        scene.put("version", 1);
        scene.put("title", moduleId);
        scene.putObject("background").put("top", "#141b3a").put("bottom", "#02030a");
        ObjectNode camera = scene.putObject("camera");
        camera.putArray("position").add(0).add(1.5).add(9);
        camera.putArray("target").add(0).add(0.3).add(0);
        camera.put("fov", 45);
        ArrayNode meshes = scene.putArray("meshes");
        ArrayNode particles = scene.putArray("particles");
        for (int i = 0; i < lvl; i++) {
            double angle = 2 * Math.PI * i / lvl + seed % 360 * Math.PI / 180;
            double x = 2.6 * Math.cos(angle);
            double z = 2.6 * Math.sin(angle) - 1;
            ObjectNode station = meshes.addObject();
            station.put("primitive", "sphere");
            station.putArray("position").add(x).add(0.2).add(z);
            station.putArray("scale").add(0.9).add(0.9).add(0.9);
            station.putObject("material").put("color", LEVEL_COLOURS[i]).put("emissive", "#101018");
        }
        ObjectNode core = meshes.addObject();
        core.put("primitive", "sphere");
        core.putArray("position").add(0).add(0.4).add(-1);
        core.putArray("scale").add(1.5).add(1.5).add(1.5);
        core.putObject("material").put("color", accent).put("emissive", "#202030");
        ObjectNode swirl = particles.addObject();
        swirl.put("count", 6000);
        swirl.put("seed", seed);
        ObjectNode emitter = swirl.putObject("emitter").put("type", "sphere").put("radius", 3.4);
        emitter.putArray("center").add(0).add(0.4).add(-1);
        swirl.put("speed", 0.2);
        swirl.putArray("size").add(0.02).add(0.06);
        swirl.putArray("colors").add(accent).add("#ffffff");
        swirl.put("opacity", 0.8);
        ObjectNode title = scene.putArray("labels").addObject();
        title.put("text", moduleId);
        title.putArray("anchor").add(0).add(2.6).add(-1);
        title.put("size", 44);
        ObjectNode subtitle = ((ArrayNode) scene.get("labels")).addObject();
        subtitle.put("text", "Level " + lvl);
        subtitle.putArray("anchor").add(0).add(-2.2).add(-1);
        subtitle.put("color", accent);
        subtitle.put("size", 28);
        return scene.toString();
    }
}
