package org.nslab.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The content service's contract: a release that became active, keyed by the course. */
class ContentReleaseEventsTest {

    @Test
    void aPublishedReleaseRoundTripsWithAndWithoutThePreviousOne() {
        ContentReleasePublished first = ContentReleasePublished.of("0123456789abcdef", null, "en", List.of("en", "de"),
                Instant.parse("2026-12-04T10:00:00Z"));
        assertEquals(first, EventCodec.decodeContentReleasePublished(EventCodec.encode(first)));
        assertEquals("course", first.key());
        ContentReleasePublished next = ContentReleasePublished.of("fedcba9876543210", first.releaseId(), "en", List.of("en"), Instant.now());
        assertEquals(next, EventCodec.decodeContentReleasePublished(EventCodec.encode(next)));
    }

    @Test
    void aReleaseIdThatIsNotAHashOrAnotherKeyIsRefused() {
        InvalidEventException id = assertThrows(InvalidEventException.class, () -> EventCodec.encode(
                ContentReleasePublished.of("../etc", null, "en", List.of("en"), Instant.now())));
        assertTrue(id.problems().stream().anyMatch(p -> p.startsWith("/releaseId")), id.problems().toString());
        String json = EventCodec.encode(ContentReleasePublished.of("0123456789abcdef", null, "en", List.of("en"), Instant.now()));
        InvalidEventException key = assertThrows(InvalidEventException.class,
                () -> EventCodec.decodeContentReleasePublished(json.replace("\"course\"", "\"quiz\"")));
        assertTrue(key.problems().stream().anyMatch(p -> p.startsWith("/key")), key.problems().toString());
    }
}
