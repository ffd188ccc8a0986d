package org.nslab.analytics.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nslab.analytics.metrics.LearningMetrics;
import org.nslab.analytics.metrics.LearningMetrics.Comprehension;
import org.nslab.analytics.metrics.LearningMetrics.DropOff;
import org.nslab.analytics.metrics.LearningMetrics.ItemDifficulty;
import org.nslab.analytics.metrics.LearningMetrics.WrongAnswer;
import org.nslab.events.ActorKey;

class XapiStatementsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aStoredStatementBecomesAnXapiStatementWithAccountActivityIriAndIsoDuration() throws Exception {
        JsonNode statement = JSON.readTree("""
                {"actor":{"id":"guest-1","kind":"GUEST","tenant":"public"},
                 "verb":{"id":"http://adlnet.gov/expapi/verbs/answered","display":"answered"},
                 "object":{"id":"attn-scale","type":"QUESTION","name":"By what are dot products divided?"},
                 "result":{"scoreScaled":1.0,"success":true,"durationMs":1500,"response":"a"},
                 "context":{"level":3,"locale":"en"},"timestamp":"2026-11-29T10:00:00Z"}""");
        JsonNode x = XapiStatements.toXapi("6f1c1b8e-3a2e-4c1f-9d43-2b8f2f0a7c11", ActorKey.parse("demo-university/alice"), statement, "https://lab.example.org");

        assertEquals("6f1c1b8e-3a2e-4c1f-9d43-2b8f2f0a7c11", x.path("id").asText());
        assertEquals("https://lab.example.org/tenants/demo-university", x.path("actor").path("account").path("homePage").asText());
        assertEquals("alice", x.path("actor").path("account").path("name").asText(), "after a merge the account is the actor");
        assertEquals("answered", x.path("verb").path("display").path("en-US").asText());
        assertEquals("https://lab.example.org/xapi/activities/attn-scale", x.path("object").path("id").asText());
        assertEquals("http://adlnet.gov/expapi/activities/cmi.interaction", x.path("object").path("definition").path("type").asText());
        assertEquals(1.0, x.path("result").path("score").path("scaled").asDouble());
        assertEquals("PT1.5S", x.path("result").path("duration").asText());
        assertEquals(3, x.path("context").path("extensions").path("https://lab.example.org/xapi/extensions/level").asInt());
        assertEquals("2026-11-29T10:00:00Z", x.path("timestamp").asText());
    }

    @Test
    void withoutResultOrContextTheStatementHasNoResult() throws Exception {
        JsonNode statement = JSON.readTree("""
                {"verb":{"id":"http://adlnet.gov/expapi/verbs/launched","display":"launched"},
                 "object":{"id":"level:1","type":"LEVEL"},"timestamp":"2026-11-29T10:00:00Z"}""");
        JsonNode x = XapiStatements.toXapi("id", ActorKey.parse("t/a"), statement, "http://localhost:8080");
        assertFalse(x.has("result"));
        assertEquals("http://adlnet.gov/expapi/activities/module", x.path("object").path("definition").path("type").asText());
    }

    @Test
    void metricsBecomeCsvRowsWithQuotedFields() {
        LearningMetrics m = new LearningMetrics(3, 4, 90.5, 2.0, 1.0 / 3, 0.25,
                List.of(new Comprehension("stage", "data", 2, 0.75)),
                List.of(new ItemDifficulty("attn-scale", "quiz-component-attention", 5, 3, 2.0 / 3, List.of(new WrongAnswer("b,c", 2)))),
                List.of(new DropOff("level:2/training", 2, 1)));
        List<String> lines = MetricsCsv.of(m).lines().toList();
        assertEquals("metric,item,value", lines.get(0));
        assertEquals("learners,,3", lines.get(1));
        assertEquals("average_session_seconds,,90.5000", lines.get(3));
        assertEquals("completion_rate,,0.3333", lines.get(5));
        assertEquals("comprehension_mean_mastery,stage:data,0.7500", lines.get(7));
        assertEquals("wrong_answer_count,\"attn-scale = b,c\",2", lines.get(10));
        assertEquals("last_seen_learners,level:2/training,1", lines.get(11));
    }
}
