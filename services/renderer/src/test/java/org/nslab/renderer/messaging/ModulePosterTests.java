package org.nslab.renderer.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.nslab.testing.TestServers;
import org.nslab.testing.TestServersResource;

/** A module registers (an event on the real Kafka) → its poster is rendered and served to the catalogue. */
@QuarkusTest
@WithTestResource(TestServersResource.class)
class ModulePosterTests {

    private static String event(String moduleId, int level, String manifestUrl, String posterUrl) {
        return """
            {"id":"%s","occurredAt":"%s","schemaVersion":1,"key":"%s","moduleId":"%s","version":"1.0.0","level":%d,
             "status":"ACTIVE","manifestUrl":%s,"posterUrl":%s}""".formatted(UUID.randomUUID(), Instant.now(), moduleId, moduleId, level,
                manifestUrl == null ? "null" : "\"" + manifestUrl + "\"", posterUrl == null ? "null" : "\"" + posterUrl + "\"");
    }

    @Test
    void aRegisteredModuleGetsItsPoster() throws Exception {
        String suffix = Long.toString(System.nanoTime(), 36);
        String plain = "journey-map-" + suffix;
        String ownPoster = "brings-poster-" + suffix;
        String withScene = "scene-poster-" + suffix;

        HttpServer manifests = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        manifests.createContext("/manifest.json", exchange -> {
            byte[] body = """
                {"id":"x","posterScene":{"version":1,"camera":{"position":[0,0,5],"target":[0,0,0]},
                 "background":{"top":"#ff0000","bottom":"#ff0000"}}}""".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        manifests.start();
        Properties config = new Properties();
        config.put("bootstrap.servers", TestServers.kafkaBootstrapServers());
        config.put("key.serializer", StringSerializer.class.getName());
        config.put("value.serializer", StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(ModuleRegistered.TOPIC, "junk", "this is not an event")).get();
            producer.send(new ProducerRecord<>(ModuleRegistered.TOPIC, ownPoster,
                    event(ownPoster, 2, null, "https://example.org/poster.png"))).get();
            producer.send(new ProducerRecord<>(ModuleRegistered.TOPIC, withScene,
                    event(withScene, 3, "http://127.0.0.1:" + manifests.getAddress().getPort() + "/manifest.json", null))).get();
            producer.send(new ProducerRecord<>(ModuleRegistered.TOPIC, plain, event(plain, 1, "http://127.0.0.1:1/manifest.json", null))).get();
        }
        try {
            BufferedImage poster = awaitPoster(plain);
            assertEquals(1200, poster.getWidth());
            assertEquals(630, poster.getHeight());
            BufferedImage fromManifest = awaitPoster(withScene);
            assertEquals(0xff0000, fromManifest.getRGB(5, 5) & 0xff0000, "the manifest's poster scene (a red background) was drawn");
            given().when().get("/posters/" + ownPoster + ".png").then().statusCode(404);
            given().when().get("/posters/..%2Fsecret.png").then().statusCode(404);
        } finally {
            manifests.stop(0);
        }
    }

    private static BufferedImage awaitPoster(String moduleId) throws Exception {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
                .until(() -> given().when().get("/posters/" + moduleId + ".png").statusCode() == 200);
        byte[] png = given().when().get("/posters/" + moduleId + ".png").then().statusCode(200).contentType("image/png")
                .extract().asByteArray();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertTrue(image != null);
        return image;
    }
}
