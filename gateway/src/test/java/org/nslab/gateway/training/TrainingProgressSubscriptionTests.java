package org.nslab.gateway.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.nslab.events.EventCodec;
import org.nslab.events.RunState;
import org.nslab.events.Topics;
import org.nslab.events.TrainingProgressed;
import org.nslab.testing.TestServers;
import org.nslab.testing.TestServersResource;
import org.nslab.testing.Tokens;

/** Training progress from Kafka reaches the run's owner over GraphQL-over-WebSocket, and nobody else's runs do. */
@QuarkusTest
@WithTestResource(TestServersResource.class)
class TrainingProgressSubscriptionTests {

    @TestHTTPResource("/graphql")
    URL graphql;

    @Test
    void theOwnerReceivesTheirRunsProgressAndNotOtherLearnersRuns() throws Exception {
        String token = Tokens.forUser("alice", "alice-demo");
        JsonNode claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        String owner = "demo-university/" + claims.get("sub").asText();
        UUID run = UUID.randomUUID();

        LinkedBlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Authorization", "Bearer " + token)
                .subprotocols("graphql-transport-ws")
                .buildAsync(URI.create(graphql.toString().replaceFirst("^http", "ws")), new WebSocket.Listener() {
                    final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            try {
                                messages.add(new ObjectMapper().readTree(text.toString()));
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                            text.setLength(0);
                        }
                        ws.request(1);
                        return null;
                    }
                }).get(30, TimeUnit.SECONDS);
        socket.sendText("{\"type\":\"connection_init\",\"payload\":{}}", true).get();
        assertEquals("connection_ack", messages.poll(30, TimeUnit.SECONDS).get("type").asText());
        socket.sendText("""
                {"id":"1","type":"subscribe","payload":{"query":"subscription($run: ID!) { trainingProgressed(runId: $run) { runId state step steps trainLoss } }","variables":{"run":"%s"}}}"""
                .formatted(run), true).get();

        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafkaBootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        JsonNode next = null;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            // Until the gateway's consumer has its partitions it sees nothing; send steps until one arrives.
            for (int step = 1; step <= 60 && next == null; step++) {
                TrainingProgressed foreign = TrainingProgressed.of(run, "demo-university/someone-else", RunState.RUNNING, step, 100,
                        9.9, null, 1e-3, 0.5, List.of(), 100.0);
                TrainingProgressed own = TrainingProgressed.of(run, owner, RunState.RUNNING, step, 100, 4.0 - step * 0.01, null, 1e-3, 0.5,
                        List.of(0.1, 0.2), 100.0);
                producer.send(new ProducerRecord<>(Topics.TRAINING_PROGRESSED, run.toString(), EventCodec.encode(foreign))).get();
                producer.send(new ProducerRecord<>(Topics.TRAINING_PROGRESSED, run.toString(), EventCodec.encode(own))).get();
                JsonNode m = messages.poll(1, TimeUnit.SECONDS);
                if (m != null) {
                    next = m;
                }
            }
        }
        socket.abort();
        assertTrue(next != null, "no progress arrived over the WebSocket");
        assertEquals("next", next.get("type").asText(), next.toString());
        JsonNode progress = next.at("/payload/data/trainingProgressed");
        assertEquals(run.toString(), progress.get("runId").asText());
        assertEquals(100, progress.get("steps").asInt());
        assertTrue(progress.get("trainLoss").asDouble() < 4.0, "the owner's event, not the foreign one (9.9): " + progress);
    }
}
