package org.nslab.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import org.nslab.events.InvalidEventException.Violation;

/**
 * Encodes and decodes events as JSON, checking each against its published JSON Schema on both
 * sides: a producer cannot publish, and a consumer does not accept, a payload that breaks the contract.
 * Formats ({@code uuid}, {@code date-time}) are annotations in JSON Schema 2020-12; the Java types
 * ({@link java.util.UUID}, {@link java.time.Instant}) enforce them when decoding.
 */
public final class EventCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private static final Schema LEARNING_EVENT_SCHEMA = load(LearningEventRecorded.SCHEMA);
    private static final Schema TRAINING_PROGRESSED_SCHEMA = load(TrainingProgressed.SCHEMA);
    private static final Schema TRAINING_RUN_REQUESTED_SCHEMA = load(TrainingRunRequested.SCHEMA);
    private static final Schema QUIZ_ATTEMPT_GRADED_SCHEMA = load(QuizAttemptGraded.SCHEMA);
    private static final Schema MILESTONE_REACHED_SCHEMA = load(MilestoneReached.SCHEMA);
    private static final Schema GUEST_PROGRESS_MERGED_SCHEMA = load(GuestProgressMerged.SCHEMA);
    private static final Schema MODULE_REGISTERED_SCHEMA = load(ModuleRegistered.SCHEMA);
    private static final Schema CONTENT_RELEASE_PUBLISHED_SCHEMA = load(ContentReleasePublished.SCHEMA);

    private EventCodec() {
    }

    public static String encode(LearningEventRecorded event) {
        return encode(event, LearningEventRecorded.SCHEMA, LEARNING_EVENT_SCHEMA);
    }

    public static String encode(TrainingProgressed event) {
        return encode(event, TrainingProgressed.SCHEMA, TRAINING_PROGRESSED_SCHEMA);
    }

    public static String encode(TrainingRunRequested event) {
        return encode(event, TrainingRunRequested.SCHEMA, TRAINING_RUN_REQUESTED_SCHEMA);
    }

    /** @throws InvalidEventException when the payload is not JSON or breaks the contract */
    public static TrainingRunRequested decodeTrainingRunRequested(String json) {
        return decode(json, TrainingRunRequested.SCHEMA, TRAINING_RUN_REQUESTED_SCHEMA, TrainingRunRequested.class);
    }

    public static String encode(QuizAttemptGraded event) {
        return encode(event, QuizAttemptGraded.SCHEMA, QUIZ_ATTEMPT_GRADED_SCHEMA);
    }

    public static String encode(MilestoneReached event) {
        return encode(event, MilestoneReached.SCHEMA, MILESTONE_REACHED_SCHEMA);
    }

    public static String encode(GuestProgressMerged event) {
        return encode(event, GuestProgressMerged.SCHEMA, GUEST_PROGRESS_MERGED_SCHEMA);
    }

    /** @throws InvalidEventException when the payload is not JSON or breaks the contract */
    public static QuizAttemptGraded decodeQuizAttemptGraded(String json) {
        return decode(json, QuizAttemptGraded.SCHEMA, QUIZ_ATTEMPT_GRADED_SCHEMA, QuizAttemptGraded.class);
    }

    /** @throws InvalidEventException when the payload is not JSON or breaks the contract */
    public static MilestoneReached decodeMilestoneReached(String json) {
        return decode(json, MilestoneReached.SCHEMA, MILESTONE_REACHED_SCHEMA, MilestoneReached.class);
    }

    /** @throws InvalidEventException when the payload is not JSON or breaks the contract */
    public static GuestProgressMerged decodeGuestProgressMerged(String json) {
        return decode(json, GuestProgressMerged.SCHEMA, GUEST_PROGRESS_MERGED_SCHEMA, GuestProgressMerged.class);
    }

    public static String encode(ModuleRegistered event) {
        return encode(event, ModuleRegistered.SCHEMA, MODULE_REGISTERED_SCHEMA);
    }

    /** @throws InvalidEventException when the payload is not JSON or breaks the contract */
    public static ModuleRegistered decodeModuleRegistered(String json) {
        return decode(json, ModuleRegistered.SCHEMA, MODULE_REGISTERED_SCHEMA, ModuleRegistered.class);
    }

    public static String encode(ContentReleasePublished event) {
        return encode(event, ContentReleasePublished.SCHEMA, CONTENT_RELEASE_PUBLISHED_SCHEMA);
    }

    /** @throws InvalidEventException when the payload is not JSON or breaks the contract */
    public static ContentReleasePublished decodeContentReleasePublished(String json) {
        return decode(json, ContentReleasePublished.SCHEMA, CONTENT_RELEASE_PUBLISHED_SCHEMA, ContentReleasePublished.class);
    }

    /** @throws InvalidEventException when the payload is not JSON or breaks the contract */
    public static TrainingProgressed decodeTrainingProgressed(String json) {
        return decode(json, TrainingProgressed.SCHEMA, TRAINING_PROGRESSED_SCHEMA, TrainingProgressed.class);
    }

    private static String encode(Object event, String schemaName, Schema schema) {
        JsonNode tree = MAPPER.valueToTree(event);
        check(schemaName, schema, tree);
        try {
            return MAPPER.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + schemaName, e);
        }
    }

    /** @throws InvalidEventException when the payload is not JSON or breaks the contract */
    public static LearningEventRecorded decodeLearningEvent(String json) {
        return decode(json, LearningEventRecorded.SCHEMA, LEARNING_EVENT_SCHEMA, LearningEventRecorded.class);
    }

    private static <T> T decode(String json, String schemaName, Schema schema, Class<T> type) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException(schemaName, List.of(new Violation("", "payload is not JSON")));
        }
        if (tree == null) {
            throw new InvalidEventException(schemaName, List.of(new Violation("", "payload is empty")));
        }
        check(schemaName, schema, tree);
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException(schemaName, List.of(new Violation("", e.getOriginalMessage())));
        }
    }

    /** What in the event breaks its contract; empty when it is valid. */
    public static List<Violation> violations(LearningEventRecorded event) {
        return violations(LEARNING_EVENT_SCHEMA, MAPPER.valueToTree(event));
    }

    private static List<Violation> violations(Schema schema, JsonNode tree) {
        return schema.validate(tree).stream()
                .map(error -> new Violation(error.getInstanceLocation().toString(), error.getMessage()))
                .sorted(Comparator.comparing(Violation::pointer))
                .toList();
    }

    private static void check(String schemaName, Schema schema, JsonNode tree) {
        List<Violation> violations = violations(schema, tree);
        if (!violations.isEmpty()) {
            throw new InvalidEventException(schemaName, violations);
        }
    }

    private static Schema load(String schemaName) {
        String resource = "/schemas/" + schemaName + ".json";
        try (InputStream in = EventCodec.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no event schema " + resource);
            }
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
